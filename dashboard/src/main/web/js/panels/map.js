// The Beijing map: a choropleth of the chosen metric per district (hatched where a source has
// stopped delivering), pulsing hotspot markers by severity, and in a district's scene its
// shape alone with its streets as points at their approximate centres.
import { echarts, chartOn, rem, SEQUENTIAL, SEVERITY, TEXT, DIM, LINE } from "../charts.js";
import { t, localName } from "../i18n.js";
import { count, pct, decimal } from "../format.js";
import { staleAge, staleText } from "../freshness.js";
import { DISTRICTS, district, districtName, categoryName, streetCentre } from "../catalogue.js";
import beijing from "echarts-map-source/map/json/province/beijing.json";

const DISTRICTS_BY_ZH = new Map(DISTRICTS.map((x) => [x.name, x]));
const d = (view) => district(view.code) || { name: view.name };
const PULSE_SECONDS = { HIGH: 1.6, MEDIUM: 3, LOW: 5 };
const SIZE_REM = { HIGH: 1.5, MEDIUM: 1.1, LOW: 0.8 };
const LAYOUT = { layoutCenter: ["50%", "50%"], layoutSize: "100%", aspectScale: 0.85 };

export const MAP_METRICS = {
    created: { value: (v) => v.today ? v.today.HOTLINE + v.today.GRID + v.today.INSPECTION : null, format: count },
    per10k: { value: (v) => v.per10k ? v.per10k.today : null, format: (x) => decimal(x) },
    overdue: { value: (v) => v.overdue, format: count },
    composite: { value: (v) => v.rates && v.rates.month ? v.rates.month.composite : null, format: (x) => pct(x) },
};

/** One map per district, registered on first use (cloned: ECharts decodes a map in place). */
function districtMap(code) {
    const name = "beijing-" + code;
    if (!echarts.getMap(name)) {
        const raw = JSON.parse(JSON.stringify(beijing));
        const zh = district(code).name;
        echarts.registerMap(name, { ...raw, features: raw.features.filter((f) => f.properties.name === zh) });
    }
    return name;
}

export function districtMapPanel(element, ctx) {
    const chart = chartOn(element);
    chart.on("click", (event) => {
        if (event.seriesId === "districts" && event.data && event.data.code) ctx.drill(event.data.code);
        if (event.seriesId === "streets" && event.data) {
            ctx.openCases({ street: event.data.name, status: "open" }, event.data.name);
        }
        if (event.seriesId && event.seriesId.startsWith("hotspots-") && event.data) ctx.focusAlert(event.data.id);
    });
    let shownScene = null;

    return function render(store) {
        const scene = ctx.scene();
        const sceneKey = scene.kind + ":" + (scene.code || "") + ":" + ctx.mapMetric();
        const rebuild = sceneKey !== shownScene;
        shownScene = sceneKey;
        const option = scene.kind === "city" ? cityOption(store, ctx) : districtOption(store, scene.code);
        option.series.push(...hotspotSeries(store));
        // notMerge only when the scene changes: live updates merge, so nothing flickers.
        chart.setOption(option, { notMerge: rebuild, lazyUpdate: true });
    };
}

function baseOption() {
    return {
        backgroundColor: "transparent",
        tooltip: { trigger: "item", confine: true, backgroundColor: "#1b2a44", borderColor: "#56b4e9",
            textStyle: { color: TEXT, fontSize: rem(0.9) } },
        series: [],
    };
}

function cityOption(store, ctx) {
    const metric = MAP_METRICS[ctx.mapMetric()];
    const views = store.scopes("district:");
    const data = views.map((v) => {
        const stale = staleAge(v);
        return {
            name: d(v).name, code: v.code, value: metric.value(v),
            itemStyle: stale === null ? { decal: null } : { decal: { symbol: "rect", dashArrayX: [1, 0],
                dashArrayY: [2, 5], rotation: Math.PI / 4, color: "rgba(204,121,167,0.8)" } },
            view: v,
            label: CORE_LABELS[d(v).name] ? { fontSize: rem(0.65), offset: CORE_LABELS[d(v).name].map((x) => x * rem(0.1)) } : undefined,
        };
    });
    const values = data.map((d) => d.value).filter((x) => x !== null && x !== undefined);
    const option = baseOption();
    // An invisible geo with the map series' layout: the coordinate system of the hotspots.
    option.geo = { map: "beijing", ...LAYOUT, silent: true, label: { show: false },
        itemStyle: { areaColor: "transparent", borderWidth: 0 }, emphasis: { disabled: true } };
    option.visualMap = {
        type: "continuous", min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values, 1) : 1,
        calculable: false, left: rem(0.5), bottom: rem(0.5), itemHeight: rem(8), itemWidth: rem(0.8),
        text: [t("map." + ctx.mapMetric()), ""], textStyle: { color: DIM, fontSize: rem(0.8) },
        inRange: { color: SEQUENTIAL }, seriesIndex: 0,
        formatter: (x) => metric.format(x),
    };
    option.series.push({
        id: "districts", name: "districts", type: "map", map: "beijing", roam: false, selectedMode: false,
        ...LAYOUT,
        label: { show: true, color: TEXT, fontSize: rem(0.8), textBorderColor: "#000", textBorderWidth: 2,
            formatter: (p) => label(p.name) },
        itemStyle: { borderColor: "#0a1120", borderWidth: 1, areaColor: "#1d2a40" },
        emphasis: { label: { color: "#fff" }, itemStyle: { areaColor: "#56b4e9" } },
        tooltip: { formatter: (p) => districtTooltip(p.data && p.data.view) },
        data,
    });
    return option;
}

// The core districts are small: shorter, smaller labels pushed apart so they neither overlap
// each other nor hide their neighbours from a click.
const CORE_LABELS = { "东城区": [10, 0], "西城区": [-10, 0] };

function label(zhName) {
    const d = DISTRICTS_BY_ZH.get(zhName);
    return d ? localName(d.name.replace(/区$/, ""), d.nameEn) : zhName;
}

function districtTooltip(v) {
    if (!v) return "";
    const stale = staleAge(v);
    const rates = (v.rates && v.rates.month) || {};
    return [
        `<b>${districtName(v.code)}</b>`,
        `${t("kpi.hotline")}: ${count(v.today.HOTLINE)}`, `${t("kpi.grid")}: ${count(v.today.GRID)}`,
        `${t("kpi.failedChecks")}: ${count(v.today.INSPECTION)}`,
        `${t("kpi.open")}: ${count(v.open)} · ${t("kpi.overdue")}: ${count(v.overdue)}`,
        `${t("map.per10k")}: ${decimal(v.per10k && v.per10k.today)}`,
        `${t("map.composite")}: ${pct(rates.composite)}`,
        stale === null ? "" : `<span style="color:#cc79a7">${staleText(stale)}</span>`,
    ].filter(Boolean).join("<br>");
}

function districtOption(store, code) {
    const option = baseOption();
    const streets = store.scopes("street:").map((v) => {
        const name = v.name || v.scope.split(":").pop();
        const centre = streetCentre(code, name);
        return centre && { name, value: [...centre, v.open], view: v };
    }).filter(Boolean);
    const max = Math.max(1, ...streets.map((s) => s.value[2] || 0));
    option.geo = { map: districtMap(code), roam: false, layoutCenter: ["50%", "50%"], layoutSize: "95%",
        aspectScale: 0.85, itemStyle: { areaColor: "#1d2a40", borderColor: "#56b4e9", borderWidth: 1.5 },
        label: { show: false }, emphasis: { disabled: true }, silent: true };
    option.series.push({
        id: "streets", name: "streets", type: "scatter", coordinateSystem: "geo", data: streets, animation: false,
        symbolSize: (val) => rem(0.6) + rem(1.6) * Math.sqrt((val[2] || 0) / max),
        itemStyle: { color: "#56b4e9", opacity: 0.75, borderColor: "#fff", borderWidth: 0.5 },
        label: { show: true, position: "right", color: DIM, fontSize: rem(0.7), formatter: (p) => p.name },
        labelLayout: { hideOverlap: true },
        tooltip: { formatter: (p) => `<b>${p.name}</b><br>${t("kpi.open")}: ${count(p.data.view.open)}`
            + `<br>${t("kpi.overdue")}: ${count(p.data.view.overdue)}<br>${t("col.today")}: `
            + count(p.data.view.today.HOTLINE + p.data.view.today.GRID + p.data.view.today.INSPECTION) },
    });
    return option;
}

/** One pulsing series per severity: a marker where each active alert's cases concentrate. */
function hotspotSeries(store) {
    const bySeverity = { HIGH: [], MEDIUM: [], LOW: [] };
    for (const alert of store.activeAlerts()) {
        const located = (alert.points || []).find((p) => p.lon !== null && p.lon !== undefined && p.lat !== null);
        const centre = located ? [located.lon, located.lat] : streetCentre(alert.district, alert.street);
        if (!centre || !bySeverity[alert.severity]) continue;
        bySeverity[alert.severity].push({ id: alert.id, name: alert.street || "", value: centre, alert });
    }
    return Object.entries(bySeverity).map(([severity, data]) => ({
        id: "hotspots-" + severity, name: "hotspots-" + severity, type: "effectScatter",
        coordinateSystem: "geo", geoIndex: 0, data, zlevel: 1,
        symbol: severity === "HIGH" ? "triangle" : severity === "MEDIUM" ? "diamond" : "circle",
        symbolSize: rem(SIZE_REM[severity]),
        rippleEffect: { period: PULSE_SECONDS[severity], scale: 3.5, brushType: "stroke" },
        itemStyle: { color: SEVERITY[severity], borderColor: "#fff", borderWidth: 1 },
        tooltip: { formatter: (p) => `${t("sev." + severity)} · ${t("kind." + p.data.alert.kind)}<br>`
            + `${districtName(p.data.alert.district)} ${p.data.alert.street || ""} · ${categoryName(p.data.alert.category)}<br>`
            + t("alert.obs", { o: p.data.alert.observed, e: Number(p.data.alert.expected).toFixed(1) }) },
    }));
}

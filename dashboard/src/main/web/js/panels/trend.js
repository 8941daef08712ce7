// The trend of problems created in the chosen range against the same period one week earlier
// (GET /timeseries), for the scene's scope and the category filter; refreshed every minute.
import { chartOn, rem, TEXT, DIM, LINE } from "../charts.js";
import { t, onLangChange } from "../i18n.js";
import { count, hourMinute, dateTime, iso } from "../format.js";
import * as api from "../api.js";

const RANGE_MS = { "24h": 86400_000, "7d": 7 * 86400_000, "30d": 30 * 86400_000 };
const WEEK_MS = 7 * 86400_000;
const REFRESH_MS = 60_000;

export function trendPanel(element, ctx) {
    const chart = chartOn(element);
    let series = null;

    async function load() {
        const range = ctx.filters().range;
        const now = ctx.store.now();
        try {
            series = await api.get("timeseries", { ...ctx.scopeParams(), metric: "created",
                from: iso(now - RANGE_MS[range]), to: iso(now) });
        } catch (e) {
            series = { points: [], lastWeek: [], error: e.message };
        }
        draw();
    }

    function draw() {
        if (!series) return;
        const points = (series.points || []).map((p) => [Date.parse(p.t), p.value]);
        let lastWeek = (series.lastWeek || []).map((p) => [Date.parse(p.t), p.value]);
        // The API may give last week's points at their own times: overlay them on this week.
        if (points.length && lastWeek.length && lastWeek[0][0] < points[0][0] - WEEK_MS / 2) {
            lastWeek = lastWeek.map(([x, y]) => [x + WEEK_MS, y]);
        }
        const long = ctx.filters().range !== "24h";
        chart.setOption({
            backgroundColor: "transparent",
            grid: { left: rem(3), right: rem(0.8), top: rem(1.8), bottom: rem(1.6) },
            legend: { top: 0, right: 0, textStyle: { color: DIM, fontSize: rem(0.75) }, itemWidth: rem(1), itemHeight: rem(0.5) },
            tooltip: { trigger: "axis", backgroundColor: "#1b2a44", borderColor: "#56b4e9", textStyle: { color: TEXT, fontSize: rem(0.8) },
                valueFormatter: (v) => count(v) },
            xAxis: { type: "time", axisLine: { lineStyle: { color: LINE } },
                axisLabel: { color: DIM, fontSize: rem(0.7), hideOverlap: true, formatter: (v) => long ? dateTime(v).slice(0, 5) : hourMinute(v) },
                splitLine: { show: false } },
            yAxis: { type: "value", minInterval: 1, axisLabel: { color: DIM, fontSize: rem(0.7), formatter: (v) => count(v) },
                splitLine: { lineStyle: { color: LINE } } },
            series: [
                { id: "current", name: t("trend.today"), type: "line", data: points, showSymbol: false,
                    lineStyle: { width: rem(0.15), color: "#56b4e9" }, itemStyle: { color: "#56b4e9" },
                    areaStyle: { color: "rgba(86,180,233,0.15)" } },
                { id: "lastWeek", name: t("trend.lastWeek"), type: "line", data: lastWeek, showSymbol: false,
                    lineStyle: { width: rem(0.1), type: "dashed", color: "#e69f00" }, itemStyle: { color: "#e69f00" } },
            ],
        });
    }

    ctx.onScopeChange(load);
    onLangChange(draw);
    setInterval(load, REFRESH_MS);
    load();
    return chart;
}

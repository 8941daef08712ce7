// The wall page: wires the live feed, the store, the scenes and every panel together.
import { echarts } from "./charts.js";
import { t, setLang, lang, onLangChange } from "./i18n.js";
import { CATEGORIES, categoryName } from "./catalogue.js";
import { LiveClient } from "./live.js";
import { Store } from "./store.js";
import { Scenes } from "./scene.js";
import { connectionStatus } from "./status.js";
import { tableCsv, clipToPanel } from "./table.js";
import { downloadText, pagePng } from "./export.js";
import { kpiTiles } from "./panels/kpis.js";
import { districtMapPanel, MAP_METRICS } from "./panels/map.js";
import { trendPanel } from "./panels/trend.js";
import { categoriesPanel } from "./panels/categories.js";
import { rankingPanel } from "./panels/ranking.js";
import { alertFeed } from "./panels/alerts.js";
import { pointsPanel } from "./panels/points.js";
import { caseList } from "./panels/cases.js";
import * as api from "./api.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const store = new Store();
const scopeListeners = [];
const filters = { category: "", range: "24h" };
let mapMetric = "created";
let me = { role: "viewer" };
const details = new Map();  // district code → {at, promise}

const scenes = new Scenes(params, (scene) => {
    live.subscribe(scenes.channel());
    for (const listener of scopeListeners) listener(scene);
    store.changed();
});

const ctx = {
    store,
    scene: () => scenes.current,
    filters: () => filters,
    mapMetric: () => mapMetric,
    isOperator: () => me.role === "operator",
    drill: (code) => scenes.show({ kind: "district", code }),
    onScopeChange: (listener) => scopeListeners.push(listener),
    onLangChange,
    /** The scene's scope and the category filter, as API parameters. */
    scopeParams: () => ({
        district: scenes.current.kind === "district" ? scenes.current.code : undefined,
        category: filters.category || undefined,
    }),
    districtDetail(code) {
        const cached = details.get(code);
        if (cached && Date.now() - cached.at < 55_000) return cached.promise;
        const promise = api.get("districts/" + code);
        details.set(code, { at: Date.now(), promise });
        promise.catch(() => details.delete(code));
        return promise;
    },
    /** Highlights an alert in the feed for a few seconds (the feed never scrolls). */
    focusAlert(id) {
        const item = $("alerts").querySelector(`[data-id="${CSS.escape(id)}"]`);
        if (!item) return;
        item.classList.add("focus");
        setTimeout(() => item.classList.remove("focus"), 4000);
    },
    showTip(anchor, text) {
        const tip = $("glossary");
        if (!anchor || !text) { tip.hidden = true; return; }
        tip.textContent = text;
        tip.hidden = false;
        const box = anchor.getBoundingClientRect();
        tip.style.left = Math.min(box.left, innerWidth - tip.offsetWidth - 8) + "px";
        tip.style.top = box.bottom + 6 + "px";
    },
};
ctx.openCases = caseList(ctx);

const status = connectionStatus(ctx);
const live = new LiveClient({
    snapshot: (message) => {
        store.snapshot(message);
        if (!performance.getEntriesByName("wall-first-snapshot").length) performance.mark("wall-first-snapshot");
    },
    delta: (delta) => store.delta(delta),
    state: (name, detail) => status.set(name, detail),
}, scenes.channel());
scenes.alertCounts = () => {
    const counts = new Map();
    for (const alert of store.activeAlerts()) counts.set(alert.district, (counts.get(alert.district) || 0) + 1);
    return counts;
};

function controls() {
    const metricButtons = Object.keys(MAP_METRICS).map((key) => {
        const button = document.createElement("button");
        button.className = "btn";
        button.dataset.metric = key;
        button.dataset.i18n = "map." + key;
        button.textContent = t("map." + key);
        button.addEventListener("click", () => {
            mapMetric = key;
            metricButtons.forEach((b) => b.classList.toggle("on", b === button));
            store.changed();
        });
        return button;
    });
    metricButtons[0].classList.add("on");
    $("map-metric").replaceChildren(...metricButtons);

    const fillCategories = () => {
        const select = $("f-category");
        const chosen = select.value;
        select.replaceChildren(new Option(t("all"), ""), ...CATEGORIES.map((c) => new Option(categoryName(c.code), c.code)));
        select.value = chosen;
    };
    fillCategories();
    onLangChange(fillCategories);
    const refilter = () => {
        filters.category = $("f-category").value;
        filters.range = $("f-range").value;
        for (const listener of scopeListeners) listener(scenes.current);
        store.changed();
    };
    $("f-category").addEventListener("change", refilter);
    $("f-range").addEventListener("change", refilter);

    $("btn-lang").addEventListener("click", () => switchLang(lang() === "zh" ? "en" : "zh"));
    $("btn-csv").addEventListener("click", () => downloadText("civicpulse-" + scenes.channel().replace(":", "-") + ".csv",
        viewCsv()));
    $("btn-png").addEventListener("click", () => pagePng("civicpulse-" + scenes.channel().replace(":", "-") + ".png"));
}

/** The table in view (the ranking board, or a district's streets) as CSV. */
function viewCsv() {
    return tableCsv($("ranking"));
}

function switchLang(next) {
    setLang(next);
    $("btn-lang").textContent = next === "zh" ? "EN" : "中文";
    localStorage.setItem("civicpulse.lang", next);
    scenes.label();
    store.changed();
}

// Marks the first render with live data: the benchmark's "first meaningful paint".
function firstRender(current) {
    if (current.metrics.size && !performance.getEntriesByName("wall-first-render").length) {
        requestAnimationFrame(() => performance.mark("wall-first-render"));
    }
}

async function start() {
    controls();
    switchLang(params.get("lang") || localStorage.getItem("civicpulse.lang") || "zh");
    try {
        me = await api.get("me");
    } catch (e) {
        status.set("error", { error: e.status === 401 ? t("error.auth") : e.message });
    }
    store.addView(kpiTiles($("kpis"), ctx));
    store.addView(districtMapPanel($("map"), ctx));
    trendPanel($("trend"), ctx);
    store.addView(categoriesPanel($("categories"), ctx));
    store.addView(rankingPanel($("ranking"), $("ranking-by"), ctx));
    store.addView(alertFeed($("alerts"), $("alert-count"), ctx));
    pointsPanel($("points"), $("watchlist"), ctx);
    store.addView(() => status.draw());
    store.addView(firstRender);
    scenes.label();
    live.start();
    setInterval(() => store.changed(), 5000);  // ages tick even when nothing arrives
    window.addEventListener("resize", () => document.querySelectorAll("table.grid").forEach(clipToPanel));
}

// For the browser tests and the benchmark: the page's own data, read through ECharts and the store.
window.wall = { echarts, store, live, scenes, ctx, filters, pagePng, viewCsv, switchLang };
start();

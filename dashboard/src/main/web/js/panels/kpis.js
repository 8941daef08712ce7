// KPI tiles: the live value of the scene's scope, its change against the same time last week
// (from /timeseries), the definition on hover, the cases behind the number on click, and the
// age of the data when its source has stopped delivering.
import { t } from "../i18n.js";
import { count, pct, decimal, change, startOfToday, iso } from "../format.js";
import { staleAge, staleText } from "../freshness.js";
import { definition } from "../glossary.js";
import * as api from "../api.js";

const DAY_MS = 86400_000;
const REFERENCE_EVERY_MS = 300_000;
const ALL = ["HOTLINE", "GRID", "INSPECTION"];

const rates24h = (v) => (v.rates && v.rates["24h"]) || {};
const TILES = [
    { key: "hotline", value: (v) => v.today && v.today.HOTLINE, metric: "created_hotline", period: "today",
        sources: ["HOTLINE"], cases: (now) => ({ source: "HOTLINE", status: "all", from: startOfToday(now) }) },
    { key: "grid", value: (v) => v.today && v.today.GRID, metric: "created_grid", period: "today",
        sources: ["GRID"], cases: (now) => ({ source: "GRID", status: "all", from: startOfToday(now) }) },
    { key: "failedChecks", value: (v) => v.today && v.today.INSPECTION, metric: "created_inspection", period: "today",
        sources: ["INSPECTION"], cases: (now) => ({ source: "INSPECTION", status: "all", from: startOfToday(now) }) },
    { key: "open", value: (v) => v.open, metric: "open", period: "gauge", sources: ALL, cases: () => ({ status: "open" }) },
    { key: "overdue", value: (v) => v.overdue, metric: "overdue", period: "gauge", sources: ALL,
        cases: () => ({ status: "overdue" }) },
    { key: "aboutToBreach", value: (v) => v.aboutToBreach, metric: "about_to_breach", period: "gauge", sources: ALL,
        cases: () => ({ status: "aboutToBreach" }) },
    { key: "response", value: (v) => rates24h(v).response, rate: true, metric: "response_rate", period: "24h",
        sources: ["HOTLINE"], cases: (now) => ({ source: "HOTLINE", status: "all", from: iso(now - DAY_MS) }),
        pending: (v) => rates24h(v).responsePending, pendingLabel: "pending.response",
        pendingCases: () => ({ source: "HOTLINE", status: "open" }) },
    { key: "resolution", value: (v) => rates24h(v).resolution, rate: true, metric: "resolution_rate", period: "24h",
        sources: ["HOTLINE"], cases: () => ({ source: "HOTLINE", status: "resolved" }),
        pending: (v) => rates24h(v).ratingPending, pendingLabel: "pending.rating",
        pendingCases: () => ({ source: "HOTLINE", status: "resolved" }) },
    { key: "satisfaction", value: (v) => rates24h(v).satisfaction, rate: true, metric: "satisfaction_rate", period: "24h",
        sources: ["HOTLINE"], cases: () => ({ source: "HOTLINE", status: "closed" }),
        pending: (v) => rates24h(v).ratingPending, pendingLabel: "pending.rating",
        pendingCases: () => ({ source: "HOTLINE", status: "resolved" }) },
    { key: "proactive", value: (v) => v.proactiveShare && v.proactiveShare["24h"], rate: true, metric: "proactive_share",
        period: "24h", sources: ALL, cases: (now) => ({ source: "GRID", status: "all", from: iso(now - DAY_MS) }) },
    { key: "spotCheck", value: (v) => v.spotCheckPassRate && v.spotCheckPassRate["24h"], rate: true,
        metric: "spot_check_pass_rate", period: "24h", sources: ["INSPECTION"],
        cases: (now) => ({ source: "INSPECTION", status: "all", from: iso(now - DAY_MS) }) },
    { key: "per10k", value: (v) => v.per10k && v.per10k.today, format: (x) => decimal(x), metric: "created_hotline",
        period: "today", scaled: true, sources: ["HOTLINE"],
        cases: (now) => ({ source: "HOTLINE", status: "all", from: startOfToday(now) }) },
];

/** Builds the tiles in an element; returns the view to register with the store. */
export function kpiTiles(element, ctx) {
    element.replaceChildren(...TILES.map((tile) => tileElement(tile, ctx)));
    const references = new Map();  // metric|period → {previous, current}
    let referenceScope = null;

    async function loadReferences() {
        referenceScope = ctx.scopeParams();
        const wanted = new Map(TILES.map((tile) => [tile.metric + "|" + tile.period, tile]));
        await Promise.all([...wanted.values()].map(async (tile) => {
            try {
                const params = { ...ctx.scopeParams(), metric: tile.metric };
                const now = ctx.store.now();
                if (tile.period === "today") Object.assign(params, { from: startOfToday(now), to: iso(now) });
                if (tile.period === "gauge") Object.assign(params, { from: iso(now - 3600_000), to: iso(now) });
                const series = await api.get("timeseries", params);
                const lastWeek = series.lastWeek || [];
                references.set(tile.metric + "|" + tile.period, {
                    previous: tile.period === "gauge" ? (lastWeek.length ? lastWeek[lastWeek.length - 1].value : null)
                        : series.previousWeekTotal,
                    total: series.total,
                });
            } catch (e) {
                references.delete(tile.metric + "|" + tile.period);
            }
        }));
        ctx.store.changed();
    }
    ctx.onScopeChange(() => { references.clear(); loadReferences(); });
    setInterval(loadReferences, REFERENCE_EVERY_MS);
    loadReferences();

    return function render(store) {
        const view = store.metrics.get(store.channel);
        if (!view) return;
        for (const tile of TILES) {
            renderTile(element.querySelector(`[data-kpi="${tile.key}"]`), tile, view,
                references.get(tile.metric + "|" + tile.period));
        }
    };
}

function tileElement(tile, ctx) {
    const el = document.createElement("div");
    el.className = "tile";
    el.dataset.kpi = tile.key;
    el.innerHTML = `<div class="label"></div><div class="value">—</div>
        <div class="sub"><span class="chg"></span><a class="pending"></a></div><div class="age"></div>`;
    const label = el.querySelector(".label");
    label.dataset.i18n = "kpi." + tile.key;
    label.textContent = t("kpi." + tile.key);
    label.addEventListener("mouseenter", () => ctx.showTip(label, definition(tile.key)));
    label.addEventListener("mouseleave", () => ctx.showTip(null));
    el.querySelector(".value").addEventListener("click", () => ctx.openCases(tile.cases(ctx.store.now()), t("kpi." + tile.key)));
    if (tile.pendingCases) {
        el.querySelector(".pending").addEventListener("click",
            () => ctx.openCases(tile.pendingCases(), t(tile.pendingLabel)));
    }
    return el;
}

function renderTile(el, tile, view, reference) {
    const value = tile.value(view);
    const text = tile.format ? tile.format(value) : tile.rate ? pct(value) : count(value);
    const valueEl = el.querySelector(".value");
    if (valueEl.textContent !== text) valueEl.textContent = text;
    valueEl.dataset.value = value ?? "";
    let previous = reference ? reference.previous : null;
    if (tile.scaled && reference && reference.total) previous = previous === null ? null : value * previous / reference.total;
    const chg = change(value, previous, tile.rate);
    const chgEl = el.querySelector(".chg");
    chgEl.className = "chg " + chg.dir;
    chgEl.textContent = chg.text + " " + t("vs.lastWeek");
    if (tile.pending) {
        el.querySelector(".pending").textContent = t(tile.pendingLabel) + " " + count(tile.pending(view));
    }
    const stale = staleAge(view, tile.sources);
    el.classList.toggle("stale", stale !== null);
    el.querySelector(".age").textContent = stale === null ? "" : staleText(stale);
}

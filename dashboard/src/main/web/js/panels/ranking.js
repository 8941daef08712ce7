// The ranking board: 三率 composite by district or handling unit (月评) in the city scene, the
// streets of the district (ranked, with live open/overdue counts) in a district scene.
import { t } from "../i18n.js";
import { count, pct } from "../format.js";
import { districtName } from "../catalogue.js";
import { fillTable } from "../table.js";
import * as api from "../api.js";

const PERIOD = { "24h": "day", "7d": "week", "30d": "month" };
const REFRESH_MS = 60_000;
const ROWS = 16;

export function rankingPanel(table, byElement, ctx) {
    let by = "district";
    let ranking = null;
    const buttons = ["district", "unit"].map((key) => {
        const button = document.createElement("button");
        button.className = "btn";
        button.dataset.by = key;
        button.dataset.i18n = "by." + key;
        button.textContent = t("by." + key);
        button.addEventListener("click", () => { by = key; load(); });
        return button;
    });
    byElement.replaceChildren(...buttons);

    async function load() {
        const scene = ctx.scene();
        const params = scene.kind === "city" ? { by, period: PERIOD[ctx.filters().range] }
            : { by: "street", district: scene.code, period: PERIOD[ctx.filters().range] };
        try {
            ranking = await api.get("ranking", params);
        } catch (e) {
            ranking = { rows: [], error: e.message };
        }
        ctx.store.changed();
    }
    ctx.onScopeChange(load);
    setInterval(load, REFRESH_MS);
    load();

    return function render(store) {
        const scene = ctx.scene();
        buttons.forEach((b) => b.classList.toggle("on", b.dataset.by === by));
        byElement.hidden = scene.kind !== "city";
        document.getElementById("ranking-title").textContent = t(scene.kind === "city" ? "panel.ranking" : "panel.streets");
        if (!ranking) return;
        const rows = ranking.rows.map((row) => {
            const live = store.metrics.get(row.scope) || {};
            return { ...row, open: live.open, overdue: live.overdue };
        });
        const streetName = (row) => row.name;
        const columns = [
            { label: "col.rank", cell: (r) => r.rank },
            { label: "col.name", name: true, cell: (r) => r.scope && r.scope.startsWith("district:") ? districtName(r.scope.slice(9)) : r.name },
            { label: "col.composite", cell: (r) => pct(r.composite) },
            { label: "col.response", cell: (r) => pct(r.response) },
            { label: "col.resolution", cell: (r) => pct(r.resolution) },
            { label: "col.satisfaction", cell: (r) => pct(r.satisfaction) },
            { label: "col.spotCheck", cell: (r) => pct(r.spotCheckPassRate) },
            { label: "col.cases", cell: (r) => count(r.cases), cases: (r) => casesOf(r, scene), title: streetName },
        ];
        if (scene.kind === "district") {
            columns.push({ label: "col.open", cell: (r) => count(r.open), cases: (r) => ({ ...casesOf(r, scene), status: "open" }), title: streetName },
                { label: "col.overdue", cell: (r) => count(r.overdue), cases: (r) => ({ ...casesOf(r, scene), status: "overdue" }), title: streetName });
        }
        fillTable(table, columns, rows, { limit: ROWS, openCases: ctx.openCases,
            onRow: scene.kind === "city" && by === "district" ? (r) => ctx.drill(r.scope.slice(9)) : null });
    };
}

function casesOf(row, scene) {
    if (row.scope.startsWith("district:")) return { district: row.scope.slice(9), status: "all" };
    if (row.scope.startsWith("unit:")) return { unit: row.name, status: "all" };
    return { district: scene.code, street: row.name, status: "all" };
}

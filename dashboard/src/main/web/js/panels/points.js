// High-frequency points (高频点位) and the watch-list (挂牌督办): from GET /districts/{code};
// in the city scene the 16 districts' lists merged (the API has no city-wide route for them).
import { count } from "../format.js";
import { DISTRICTS, districtName } from "../catalogue.js";
import { fillTable } from "../table.js";

const TOP = 10;
const CITY_REFRESH_MS = 300_000;
const DISTRICT_REFRESH_MS = 60_000;

export function pointsPanel(pointsTable, watchTable, ctx) {
    let points = [];
    let watchlist = [];
    let generation = 0;

    async function load() {
        const mine = ++generation;
        const scene = ctx.scene();
        const codes = scene.kind === "city" ? DISTRICTS.map((d) => d.code) : [scene.code];
        const merged = { points: [], watchlist: [] };
        for (const code of codes) {  // one after another: gentle on ClickHouse
            try {
                const detail = await ctx.districtDetail(code);
                merged.points.push(...detail.topPoints.map((p) => ({ ...p, district: code })));
                merged.watchlist.push(...detail.watchlist.map((w) => ({ ...w, district: code })));
            } catch (e) {
                // a district that cannot be read leaves its points out
            }
            if (mine !== generation) return;
        }
        points = merged.points.sort((a, b) => b.problems - a.problems).slice(0, TOP);
        watchlist = merged.watchlist.sort((a, b) => String(b.enteredOn).localeCompare(String(a.enteredOn)));
        draw();
    }

    function draw() {
        const city = ctx.scene().kind === "city";
        const place = (r) => (city ? districtName(r.district) + " " : "") + (r.street || "");
        fillTable(pointsTable, [
            { label: "col.point", name: true, cell: (r) => r.point },
            { label: "col.street", name: true, cell: place },
            { label: "col.problems", cell: (r) => count(r.problems),
                cases: (r) => ({ district: r.district, street: r.street, status: "all" }), title: (r) => r.point },
            { label: "col.failedChecks", cell: (r) => count(r.failedChecks) },
        ], points, { openCases: ctx.openCases, limit: TOP });
        fillTable(watchTable, [
            { label: "col.point", name: true, cell: (r) => r.point },
            { label: "col.street", name: true, cell: place },
            { label: "col.since", cell: (r) => String(r.enteredOn || "").slice(5) },  // MM-DD: the column is narrow
            { label: "col.problems", cell: (r) => count(r.problems30d) },
        ], watchlist, { limit: TOP });
    }

    ctx.onScopeChange(load);
    ctx.onLangChange(draw);
    setInterval(() => load(), ctx.scene().kind === "city" ? CITY_REFRESH_MS : DISTRICT_REFRESH_MS);
    load();
}

// Category top-N: problems created today per category in the scene's scope, live from the
// category scopes of the channel; a bar opens the cases of that category.
import { chartOn, rem, TEXT, DIM, LINE } from "../charts.js";
import { t } from "../i18n.js";
import { count, startOfToday } from "../format.js";
import { categoryName } from "../catalogue.js";

const TOP = 8;

export function categoriesPanel(element, ctx) {
    const chart = chartOn(element);
    chart.on("click", (event) => {
        if (event.data && event.data.code) {
            ctx.openCases({ category: event.data.code, status: "all", from: startOfToday(ctx.store.now()) }, categoryName(event.data.code));
        }
    });
    return function render(store) {
        const scene = ctx.scene();
        const prefix = scene.kind === "city" ? "category:" : "district-category:" + scene.code + ":";
        const selected = ctx.filters().category;
        const rows = store.scopes(prefix).map((v) => ({
            code: v.scope.slice(prefix.length),
            value: v.today.HOTLINE + v.today.GRID + v.today.INSPECTION,
        })).sort((a, b) => b.value - a.value).slice(0, TOP).reverse();
        chart.setOption({
            backgroundColor: "transparent",
            grid: { left: rem(0.5), right: rem(3), top: rem(0.3), bottom: rem(0.3), containLabel: true },
            tooltip: { trigger: "item", backgroundColor: "#1b2a44", textStyle: { color: TEXT, fontSize: rem(0.8) },
                formatter: (p) => `${categoryName(p.data.code)}: ${count(p.data.value)}` },
            xAxis: { type: "value", show: false },
            yAxis: { type: "category", data: rows.map((r) => categoryName(r.code)),
                axisLabel: { color: TEXT, fontSize: rem(0.75), width: rem(7), overflow: "truncate" },
                axisLine: { lineStyle: { color: LINE } }, axisTick: { show: false } },
            series: [{ id: "categories", type: "bar", barWidth: "60%",
                data: rows.map((r) => ({ value: r.value, code: r.code,
                    itemStyle: { color: !selected || selected === r.code ? "#56b4e9" : "#2a3f6d" } })),
                label: { show: true, position: "right", color: DIM, fontSize: rem(0.7), formatter: (p) => count(p.value) } }],
        }, { lazyUpdate: true });
    };
}

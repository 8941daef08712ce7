// The connection indicator and the clock: live, connecting, lost (with the age of the data and
// the next retry), or live but with sources that stopped delivering.
import { t } from "./i18n.js";
import { age } from "./format.js";
import { staleSources } from "./freshness.js";

const ZONE_CLOCK = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour12: false,
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function connectionStatus(ctx) {
    const element = document.getElementById("conn");
    const clock = document.getElementById("clock");
    let state = "connecting";
    let detail = {};

    function draw() {
        clock.textContent = ZONE_CLOCK.format(new Date()).replace(/\//g, "-");
        const store = ctx.store;
        const view = store.metrics.get(store.channel);
        let shown = state;
        let text = t("conn." + state);
        if (state === "lost") {
            const old = store.lastMessageAt ? (Date.now() - store.lastMessageAt) / 1000 : null;
            const retry = detail.retryAt ? Math.max(0, Math.ceil((detail.retryAt - Date.now()) / 1000)) : 0;
            text = t("conn.lost", { age: age(old), retry });
        } else if (state === "live" && staleSources(view).length) {
            shown = "stale";
            text = t("conn.stale", { what: staleSources(view).map((s) => t("src." + s)).join("、") });
        } else if (state === "error") {
            shown = "lost";
            text = detail.error || "";
        }
        element.dataset.state = shown;
        element.querySelector("span").textContent = text;
        document.body.classList.toggle("lost", state === "lost");
    }

    setInterval(draw, 1000);
    draw();
    return {
        set(next, info = {}) {
            state = next;
            detail = info;
            draw();
        },
        draw,
    };
}

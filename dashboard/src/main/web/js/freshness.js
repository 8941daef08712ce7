// How old a scope's data is, per source: the age ticks on the client from lastDeliveredAt.
import { t } from "./i18n.js";
import { age } from "./format.js";

const SOURCES = ["HOTLINE", "GRID", "INSPECTION"];

/** Seconds since the source last delivered for this scope view (null: never or unknown). */
export function ageSeconds(view, source, now = Date.now()) {
    const f = view && view.freshness && view.freshness[source];
    if (!f) return null;
    if (f.lastDeliveredAt) return Math.max(0, (now - Date.parse(f.lastDeliveredAt)) / 1000);
    return f.lagSeconds;
}

/** The largest age among the given sources that the server marks stale (Infinity: never delivered), else null. */
export function staleAge(view, sources = SOURCES, now = Date.now()) {
    let worst = null;
    for (const source of sources) {
        const f = view && view.freshness && view.freshness[source];
        if (f && f.stale) {
            const age = ageSeconds(view, source, now);
            worst = Math.max(worst ?? 0, age ?? Infinity);
        }
    }
    return worst;
}

/** The sources the server marks stale for a view. */
export function staleSources(view) {
    return SOURCES.filter((s) => view && view.freshness && view.freshness[s] && view.freshness[s].stale);
}

/** "数据已5分钟未更新", or "尚未收到数据" for a source that never delivered. */
export function staleText(seconds) {
    return seconds === Infinity ? t("stale.never") : t("stale.age", { age: age(seconds) });
}

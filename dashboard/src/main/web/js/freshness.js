// How old a scope's data is, per source: the age ticks on the client from lastDeliveredAt.
const SOURCES = ["HOTLINE", "GRID", "INSPECTION"];

/** Seconds since the source last delivered for this scope view (null: never or unknown). */
export function ageSeconds(view, source, now = Date.now()) {
    const f = view && view.freshness && view.freshness[source];
    if (!f) return null;
    if (f.lastDeliveredAt) return Math.max(0, (now - Date.parse(f.lastDeliveredAt)) / 1000);
    return f.lagSeconds;
}

/** The largest age among the given sources that the server marks stale, else null. */
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

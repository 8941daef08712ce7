// What the page knows: the live entries of its channel (metrics by scope, alerts, freshness),
// replaced by each snapshot and updated by each delta; views re-render at most every 250 ms.
const RENDER_EVERY_MS = 250;

export class Store {
    constructor() {
        this.metrics = new Map();    // scope → ScopeView
        this.alerts = new Map();     // alert id → Alert
        this.freshness = new Map();  // freshness key → record
        this.channel = "city";
        this.asOf = null;
        this.lastMessageAt = null;   // wall clock of the last snapshot or delta
        this.views = [];
        this.dirty = false;
        this.timer = null;
    }

    /** Registers a view: render(store) is called after changes, throttled. */
    addView(render) {
        this.views.push(render);
    }

    snapshot(message) {
        this.metrics.clear();
        this.alerts.clear();
        this.freshness.clear();
        this.channel = message.channel;
        this.asOf = message.asOf;
        for (const entry of message.entries) this.put(entry.kind, entry.key, entry.data);
        this.touch();
    }

    delta(delta) {
        this.put(delta.kind, delta.key, delta.data);
        this.touch();
    }

    put(kind, key, data) {
        if (kind === "metrics") {
            this.metrics.set(key, data);
            if (key === this.channel && data.asOf) this.asOf = data.asOf;
        } else if (kind === "alert") {
            this.alerts.set(data.id, data);
        } else if (kind === "freshness") {
            this.freshness.set(key, data);
        }
    }

    /**
     * "Now" for the page's ranges (SPEC §3): the watermark of the channel (asOf), so a replayed
     * day reads as it did live; the wall clock only before the first asOf arrives.
     */
    now() {
        const watermark = this.asOf ? Date.parse(this.asOf) : NaN;
        return Number.isFinite(watermark) ? watermark : Date.now();
    }

    touch() {
        this.lastMessageAt = Date.now();
        this.changed();
    }

    /** Schedules a render of every view (coalesced). */
    changed() {
        this.dirty = true;
        if (this.timer === null) {
            this.timer = setTimeout(() => this.render(), RENDER_EVERY_MS);
        }
    }

    render() {
        this.timer = null;
        if (!this.dirty) return;
        this.dirty = false;
        for (const view of this.views) {
            try { view(this); } catch (e) { console.error("view failed", e); }
        }
    }

    /** Metrics entries whose scope starts with a prefix ("district:", "category:", "street:…"). */
    scopes(prefix) {
        return [...this.metrics.values()].filter((v) => v.scope && v.scope.startsWith(prefix));
    }

    /** Open and acknowledged alerts, the most severe and most recent first. */
    activeAlerts() {
        const order = { HIGH: 0, MEDIUM: 1, LOW: 2 };
        return [...this.alerts.values()]
            .filter((a) => a.status === "OPEN" || a.status === "ACKED")
            .sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3)
                || String(b.lastSeenAt).localeCompare(String(a.lastSeenAt)));
    }
}

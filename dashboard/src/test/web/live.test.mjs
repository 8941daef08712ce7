// The live client's sequence rules (docs/API.md): deltas apply in order, a gap asks for a resync
// and nothing applies until the next snapshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LiveClient } from "../../main/web/js/live.js";

function client() {
    const seen = { snapshots: 0, deltas: [], states: [], sent: [] };
    const live = new LiveClient({
        snapshot: () => seen.snapshots++,
        delta: (d) => seen.deltas.push(d.key),
        state: (s) => seen.states.push(s),
    }, "city");
    live.send = (message) => seen.sent.push(message.type);
    return { live, seen };
}

test("deltas after a snapshot apply in sequence", () => {
    const { live, seen } = client();
    live.receive({ type: "snapshot", channel: "city", seq: 10, entries: [] });
    live.receive({ type: "delta", channel: "city", seq: 11, key: "a" });
    live.receive({ type: "batch", channel: "city", fromSeq: 12, seq: 14, deltas: [{ key: "b" }, { key: "c" }] });
    live.receive({ type: "delta", channel: "city", seq: 15, key: "d" });
    assert.deepEqual(seen.deltas, ["a", "b", "c", "d"]);
    assert.deepEqual(seen.sent, []);
});

test("a gap asks for a resync and ignores deltas until the snapshot", () => {
    const { live, seen } = client();
    live.receive({ type: "snapshot", channel: "city", seq: 10, entries: [] });
    live.receive({ type: "delta", channel: "city", seq: 12, key: "skipped" });
    live.receive({ type: "delta", channel: "city", seq: 13, key: "ignored" });
    assert.deepEqual(seen.sent, ["resync"]);
    live.receive({ type: "snapshot", channel: "city", seq: 20, entries: [] });
    live.receive({ type: "delta", channel: "city", seq: 21, key: "after" });
    assert.deepEqual(seen.deltas, ["after"]);
    assert.equal(seen.snapshots, 2);
});

test("messages of another channel are ignored after a subscribe", () => {
    const { live, seen } = client();
    live.receive({ type: "snapshot", channel: "city", seq: 1, entries: [] });
    live.subscribe("district:110101");
    live.receive({ type: "delta", channel: "city", seq: 2, key: "old channel" });
    live.receive({ type: "snapshot", channel: "district:110101", seq: 5, entries: [] });
    live.receive({ type: "delta", channel: "district:110101", seq: 6, key: "district" });
    assert.deepEqual(seen.deltas, ["district"]);
});

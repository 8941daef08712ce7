// Unit tests of the page's store: "now" is the watermark (SPEC §3), the wall clock only before one arrives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Store } from "../../main/web/js/store.js";

test("now is the channel's asOf once known, so a replayed day's ranges end at its watermark", () => {
    const store = new Store();
    const before = Date.now();
    assert.ok(store.now() >= before && store.now() <= Date.now());
    store.asOf = "2026-03-10T15:42:07+08:00";
    assert.equal(store.now(), Date.parse("2026-03-10T07:42:07Z"));
    store.asOf = "not a time";
    assert.ok(store.now() >= before);
});

// Unit tests of the page's number, time and age formats (node --test; run by the Maven build).
import { test } from "node:test";
import assert from "node:assert/strict";
import { count, pct, change, age, startOfToday, iso } from "../../main/web/js/format.js";
import { t } from "../../main/web/js/i18n.js";

test("counts use 万 and 亿 in Chinese", () => {
    assert.equal(count(9999), "9,999");
    assert.equal(count(12345), "1.23万");
    assert.equal(count(123456), "12.3万");
    assert.equal(count(1234567), "123万");
    assert.equal(count(250000000), "2.5亿");
    assert.equal(count(null), "—");
});

test("rates are percentages and null stays a dash", () => {
    assert.equal(pct(0.9876), "98.8%");
    assert.equal(pct(null), "—");
});

test("changes against last week: percent for counts, points for rates", () => {
    assert.deepEqual(change(110, 100, false), { text: "▲10.0%", dir: "up" });
    assert.deepEqual(change(90, 100, false), { text: "▼10.0%", dir: "down" });
    assert.deepEqual(change(0.95, 0.97, true), { text: "▼2.0" + t("unit.pp"), dir: "down" });
    assert.deepEqual(change(5, null, false), { text: "—", dir: "" });
});

test("ages read as seconds, minutes, hours and days", () => {
    assert.equal(age(12), "12秒");
    assert.equal(age(600), "10分钟");
    assert.equal(age(5400), "1.5小时");
    assert.equal(age(172800), "2天");
});

test("Beijing's day starts at 16:00 UTC of the day before", () => {
    const at = Date.parse("2026-03-09T17:30:00Z");  // 2026-03-10 01:30 in Beijing
    assert.equal(startOfToday(at), "2026-03-10T00:00:00+08:00");
    assert.equal(iso(Date.parse("2026-03-10T07:42:07Z")), "2026-03-10T15:42:07+08:00");
});

// Numbers in zh-CN style (万, 亿), percentages, Asia/Shanghai times and data ages.
import { lang, t } from "./i18n.js";

const ZONE = "Asia/Shanghai";

/** A count: 12,345 → "1.23万" in Chinese, "12,345" in English; null → "—". */
export function count(n) {
    if (n === null || n === undefined || Number.isNaN(n)) return "—";
    const abs = Math.abs(n);
    if (lang() === "zh") {
        if (abs >= 1e8) return trim(n / 1e8, 2) + "亿";
        if (abs >= 1e4) return trim(n / 1e4, abs >= 1e6 ? 0 : abs >= 1e5 ? 1 : 2) + "万";
        return Math.round(n).toLocaleString("zh-CN");
    }
    if (abs >= 1e6) return trim(n / 1e6, 2) + "M";
    return Math.round(n).toLocaleString("en-US");
}

function trim(x, digits) {
    return Number(x.toFixed(digits)).toString();
}

/** A rate 0..1 as a percentage; null → "—" (nothing decided). */
export function pct(x, digits = 1) {
    return x === null || x === undefined ? "—" : (x * 100).toFixed(digits) + "%";
}

/** A plain decimal (万人诉求比). */
export function decimal(x, digits = 2) {
    return x === null || x === undefined ? "—" : x.toFixed(digits);
}

/** Change against a reference: {text, dir} with dir "up", "down" or "" (none). */
export function change(current, previous, isRate) {
    if (current === null || current === undefined || previous === null || previous === undefined) {
        return { text: "—", dir: "" };
    }
    if (isRate) {
        const pp = (current - previous) * 100;
        return { text: (pp >= 0 ? "▲" : "▼") + Math.abs(pp).toFixed(1) + t("unit.pp"), dir: pp > 0 ? "up" : pp < 0 ? "down" : "" };
    }
    if (previous === 0) return { text: current === 0 ? "0%" : "▲ —", dir: current > 0 ? "up" : "" };
    const p = (current - previous) / previous * 100;
    return { text: (p >= 0 ? "▲" : "▼") + Math.abs(p).toFixed(1) + "%", dir: p > 0 ? "up" : p < 0 ? "down" : "" };
}

const timeFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, hour12: false,
    hour: "2-digit", minute: "2-digit", second: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, hour12: false,
    month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
const hourFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, hour12: false, hour: "2-digit", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** hh:mm:ss in Beijing time. */
export function time(value) {
    return value ? timeFormat.format(new Date(value)) : "—";
}

/** MM-DD hh:mm in Beijing time. */
export function dateTime(value) {
    return value ? dateTimeFormat.format(new Date(value)).replace(/\//g, "-") : "—";
}

/** hh:mm in Beijing time (chart axes). */
export function hourMinute(value) {
    return hourFormat.format(new Date(value));
}

/** The start of today in Beijing, as an ISO string with +08:00. */
export function startOfToday(now = Date.now()) {
    return dayFormat.format(new Date(now)) + "T00:00:00+08:00";
}

/** An ISO instant with the Beijing offset, for API parameters. */
export function iso(ms) {
    const d = new Date(ms + 8 * 3600_000);
    return d.toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

/** How old something is, in words: "12秒" / "12 s", "5分钟" / "5 min", "2小时" / "2 h". */
export function age(seconds) {
    if (seconds === null || seconds === undefined) return t("age.never");
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return s + t("unit.s");
    if (s < 3600) return Math.floor(s / 60) + t("unit.min");
    if (s < 86400) return (s / 3600).toFixed(1).replace(/\.0$/, "") + t("unit.h");
    return (s / 86400).toFixed(1).replace(/\.0$/, "") + t("unit.d");
}

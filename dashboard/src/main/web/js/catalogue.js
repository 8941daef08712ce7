// Districts, streets and categories from the contract module's catalogue (bundled at build
// time): names in both languages, populations and approximate street centres.
import districtsCsv from "catalogue/districts.csv";
import streetsCsv from "catalogue/streets.csv";
import categoriesCsv from "catalogue/categories.csv";
import { localName } from "./i18n.js";

/** Parses CSV text with a header row into objects (quoted fields may hold commas). */
export function parseCsv(text) {
    const rows = [];
    let row = [], field = "", quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
            else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") { row.push(field); field = ""; }
        else if (c === "\n" || c === "\r") {
            if (c === "\r" && text[i + 1] === "\n") i++;
            row.push(field); field = "";
            if (row.some((f) => f !== "")) rows.push(row);
            row = [];
        } else field += c;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    const [header, ...body] = rows;
    return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

export const DISTRICTS = parseCsv(districtsCsv).map((d) => ({
    code: d.code, name: d.name_zh, nameEn: d.name_en, population10k: Number(d.pop_2020_census_10k),
    lat: Number(d.seat_lat), lon: Number(d.seat_lon),
}));
export const STREETS = parseCsv(streetsCsv).map((s) => ({
    district: s.district_code, name: s.street_name_zh, lat: Number(s.lat), lon: Number(s.lon),
}));
export const CATEGORIES = parseCsv(categoriesCsv).map((c) => ({
    code: c.code, name: c.name_zh, nameEn: c.name_en.replace(/\s*\(.*$/, ""),
}));

const districtByCode = new Map(DISTRICTS.map((d) => [d.code, d]));
const categoryByCode = new Map(CATEGORIES.map((c) => [c.code, c]));
const streetByKey = new Map(STREETS.map((s) => [s.district + ":" + s.name, s]));

export function district(code) {
    return districtByCode.get(code);
}

/** A district's name in the current language (the code when unknown). */
export function districtName(code) {
    const d = districtByCode.get(code);
    return d ? localName(d.name, d.nameEn) : code ?? "—";
}

/** A category's name in the current language (the code when unknown). */
export function categoryName(code) {
    const c = categoryByCode.get(code);
    return c ? localName(c.name, c.nameEn) : code ?? "—";
}

/** A street's approximate centre [lon, lat], or the district's seat when the street is unknown. */
export function streetCentre(districtCode, streetName) {
    const s = streetByKey.get(districtCode + ":" + streetName);
    if (s) return [s.lon, s.lat];
    const d = districtByCode.get(districtCode);
    return d ? [d.lon, d.lat] : null;
}

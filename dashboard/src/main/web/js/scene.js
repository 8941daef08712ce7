// Scenes: the city or one district (drill-down and back), kept in the address bar; the kiosk
// rotation (?kiosk=<seconds>, optional ?scenes=city,110105,…) and the pin that stops it.
import { t } from "./i18n.js";
import { districtName } from "./catalogue.js";

export class Scenes {
    constructor(params, onChange) {
        this.onChange = onChange;
        this.current = parse(params.get("scene"));
        this.kioskSeconds = Number(params.get("kiosk")) || 0;
        this.rotation = (params.get("scenes") || "").split(",").filter(Boolean).map(parse);
        this.pinned = params.get("pin") === "1";
        this.index = 0;
        this.back = document.getElementById("btn-back");
        this.pinButton = document.getElementById("btn-pin");
        this.back.addEventListener("click", () => this.show({ kind: "city" }));
        this.pinButton.hidden = !this.kioskSeconds;
        this.pinButton.addEventListener("click", () => this.pin(!this.pinned));
        if (this.kioskSeconds) this.timer = setInterval(() => this.next(), this.kioskSeconds * 1000);
    }

    /** The scenes a kiosk rotates through: the given list, else the city and the districts with most alerts. */
    rotationFor(alertsByDistrict) {
        if (this.rotation.length) return this.rotation;
        const busiest = [...alertsByDistrict.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code]) => ({ kind: "district", code }));
        return [{ kind: "city" }, ...busiest];
    }

    next(alertsByDistrict = this.alertCounts ? this.alertCounts() : new Map()) {
        if (this.pinned) return;
        const list = this.rotationFor(alertsByDistrict);
        this.index = (this.index + 1) % list.length;
        this.show(list[this.index]);
    }

    pin(on) {
        this.pinned = on;
        this.updateUrl();
        this.label();
    }

    show(scene) {
        this.current = scene;
        this.updateUrl();
        this.label();
        this.onChange(scene);
    }

    label() {
        const city = this.current.kind === "city";
        this.back.hidden = city;
        document.body.classList.toggle("scene-city", city);
        document.body.classList.toggle("scene-district", !city);
        document.getElementById("scene-name").textContent = city ? t("city") : districtName(this.current.code);
        this.pinButton.textContent = t(this.pinned ? "unpin" : "pin");
        this.pinButton.classList.toggle("on", this.pinned);
    }

    updateUrl() {
        const params = new URLSearchParams(location.search);
        if (this.current.kind === "city") params.delete("scene"); else params.set("scene", this.current.code);
        if (this.pinned) params.set("pin", "1"); else params.delete("pin");
        const query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }

    /** The live channel of the current scene. */
    channel() {
        return this.current.kind === "city" ? "city" : "district:" + this.current.code;
    }
}

function parse(text) {
    return !text || text === "city" ? { kind: "city" } : { kind: "district", code: text.replace(/^district:/, "") };
}

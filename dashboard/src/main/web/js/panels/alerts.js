// The alert feed: active hotspot alerts, most severe first, with severity (colour, glyph and
// word), kind, place, observed vs expected and age; operators acknowledge, comment and assign.
import { t } from "../i18n.js";
import { age } from "../format.js";
import { districtName, categoryName } from "../catalogue.js";
import * as api from "../api.js";

const GLYPH = { HIGH: "▲", MEDIUM: "◆", LOW: "●" };
const SHOWN = 12;

export function alertFeed(list, countElement, ctx) {
    const sent = new Map();  // alert id → {version, text}: what the operator did, until the new state arrives

    function item(alert) {
        const li = document.createElement("li");
        li.dataset.id = alert.id;
        li.innerHTML = `<span class="sev"></span><span class="place"></span><span class="acts"></span><span class="meta"></span>`;
        li.addEventListener("click", (event) => {
            if (event.target.closest("form, button")) return;
            ctx.openCases({ district: alert.district, street: alert.street, category: alert.category, status: "open" },
                li.querySelector(".place").textContent);
        });
        return li;
    }

    function actions(li, alert) {
        const acts = li.querySelector(".acts");
        if (!ctx.isOperator()) { acts.replaceChildren(); return; }
        const key = alert.status + "|" + alert.version;
        if (acts.dataset.key === key) return;
        acts.dataset.key = key;
        const buttons = [];
        if (alert.status === "OPEN") buttons.push(button("ack", () => form(li, alert, "ack")));
        buttons.push(button("comment", () => form(li, alert, "comment")), button("assign", () => form(li, alert, "assign")));
        acts.replaceChildren(...buttons);
    }

    function button(action, onClick) {
        const b = document.createElement("button");
        b.className = "btn";
        b.dataset.action = action;
        b.textContent = t("alert." + action);
        b.addEventListener("click", onClick);
        return b;
    }

    function form(li, alert, action) {
        li.querySelector("form")?.remove();
        const f = document.createElement("form");
        f.dataset.action = action;
        f.innerHTML = `<input name="comment"><input name="assignedTo"><button class="btn" type="submit"></button>`;
        f.comment.placeholder = t("alert.commentPh");
        f.assignedTo.placeholder = t("alert.assignPh");
        f.comment.hidden = action === "assign";
        f.assignedTo.hidden = action === "comment";
        f.querySelector("button").textContent = t("alert.submit");
        f.addEventListener("submit", async (event) => {
            event.preventDefault();
            const body = {};
            if (f.comment.value.trim()) body.comment = f.comment.value.trim();
            if (f.assignedTo.value.trim()) body.assignedTo = f.assignedTo.value.trim();
            try {
                await api.post("alerts/" + encodeURIComponent(alert.id) + "/" + action, body);
                sent.set(alert.id, { version: alert.version, text: t("alert.sent") });
                f.remove();
            } catch (e) {
                sent.set(alert.id, { version: alert.version, text: t("alert.failed", { why: e.message }) });
            }
            ctx.store.changed();
        });
        li.appendChild(f);
        f.comment.focus();
    }

    return function render(store) {
        const category = ctx.filters().category;
        const alerts = store.activeAlerts().filter((a) => !category || a.category === category);
        const high = alerts.filter((a) => a.severity === "HIGH").length;
        countElement.textContent = `${alerts.length} · ${t("sev.HIGH")} ${high}`;
        const existing = new Map([...list.children].filter((li) => li.dataset.id).map((li) => [li.dataset.id, li]));
        const shown = alerts.slice(0, SHOWN).map((alert) => {
            const li = existing.get(alert.id) || item(alert);
            li.classList.remove("OPEN", "ACKED", "CLOSED");
            li.classList.add(alert.status);
            const sev = li.querySelector(".sev");
            sev.className = "sev " + alert.severity;
            sev.textContent = GLYPH[alert.severity] + " " + t("sev." + alert.severity);
            li.querySelector(".place").textContent = `${t("kind." + alert.kind)} · ${districtName(alert.district)} `
                + `${alert.street || ""} · ${categoryName(alert.category)}`;
            const opened = alert.openedAt ? (ctx.store.now() - Date.parse(alert.openedAt)) / 1000 : null;
            const note = sent.get(alert.id);
            if (note && note.version !== alert.version) sent.delete(alert.id);
            const state = alert.status === "ACKED" ? " · " + t("alert.acked") + (alert.ackedBy ? " (" + alert.ackedBy + ")" : "") : "";
            const assigned = alert.assignedTo ? " → " + alert.assignedTo : "";
            li.querySelector(".meta").textContent = t("alert.obs", { o: alert.observed, e: Number(alert.expected).toFixed(1) })
                + " · " + t("alert.age", { age: age(opened) }) + state + assigned
                + (alert.comment ? " · “" + alert.comment + "”" : "")
                + (sent.has(alert.id) ? " · " + sent.get(alert.id).text : "");
            actions(li, alert);
            return li;
        });
        if (!shown.length) {
            const li = document.createElement("li");
            li.className = "empty";
            li.textContent = t("alert.none");
            shown.push(li);
        }
        // Re-append in order: existing items (and any open form) are moved, not rebuilt.
        const current = [...list.children];
        if (current.length !== shown.length || current.some((li, i) => li !== shown[i])) list.replaceChildren(...shown);
    };
}

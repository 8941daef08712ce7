// The case list behind a number (GET /cases), paged, in a dialog; exportable as CSV.
import { t } from "../i18n.js";
import { dateTime } from "../format.js";
import { districtName, categoryName } from "../catalogue.js";
import { fillTable, tableCsv } from "../table.js";
import { downloadText } from "../export.js";
import * as api from "../api.js";

const PAGE = 50;

export function caseList(ctx) {
    const modal = document.getElementById("modal");
    const table = document.getElementById("cases");
    const title = document.getElementById("modal-title");
    let query = null;
    let offset = 0;
    let label = "";

    async function load() {
        title.textContent = t("cases.title", { what: label });
        try {
            const page = await api.get("cases", { ...query, limit: PAGE, offset });
            document.getElementById("modal-next").disabled = !page.hasMore;
            document.getElementById("modal-prev").disabled = offset === 0;
            fillTable(table, [
                { label: "col.caseId", cell: (c) => c.caseId },
                { label: "col.source", cell: (c) => t("src." + c.source) },
                { label: "col.district", cell: (c) => districtName(c.district) },
                { label: "col.street", cell: (c) => c.street || "" },
                { label: "col.category", cell: (c) => categoryName(c.category) },
                { label: "col.status", cell: (c) => t("status." + c.status) + (c.overdue ? " · " + t("kpi.overdue") : "") },
                { label: "col.created", cell: (c) => dateTime(c.createdAt) },
                { label: "col.limit", cell: (c) => dateTime(c.resolutionLimitAt) },
                { label: "col.point", cell: (c) => c.address || "" },
            ], page.cases);
            table.dataset.total = page.cases.length;
        } catch (e) {
            table.replaceChildren();
            delete table.dataset.signature;
            table.insertRow().insertCell().textContent = t("cases.error", { why: e.message });
        }
    }

    document.getElementById("modal-close").addEventListener("click", () => close());
    document.getElementById("modal-next").addEventListener("click", () => { offset += PAGE; load(); });
    document.getElementById("modal-prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
    document.getElementById("modal-csv").addEventListener("click", () => downloadText("cases.csv", tableCsv(table)));
    document.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
    modal.addEventListener("click", (event) => { if (event.target === modal) close(); });

    function close() {
        modal.hidden = true;
    }

    /** Opens the cases matching params (merged with the scene's scope and the category filter). */
    return function open(params, what) {
        query = { ...ctx.scopeParams(), ...params };
        offset = 0;
        label = what;
        modal.hidden = false;
        table.replaceChildren();
        delete table.dataset.signature;
        return load();
    };
}

// Fills a <table> from column definitions; numbers can open the cases behind them.
import { t } from "./i18n.js";

/**
 * columns: [{label (i18n key), cell(row) → text, cases(row) → params|null, title(row)}];
 * onRow(row): click on the row (optional). Returns the table.
 */
export function fillTable(table, columns, rows, { onRow, openCases, limit } = {}) {
    const shown = limit ? rows.slice(0, limit) : rows;
    const texts = shown.map((row) => columns.map((column) => String(column.cell(row))));
    // Live updates re-render often: rebuild the rows (and their listeners) only when a text changed.
    const signature = JSON.stringify([columns.map((c) => t(c.label)), texts, Boolean(onRow)]);
    if (table.dataset.signature === signature) return table;
    table.dataset.signature = signature;
    const head = document.createElement("tr");
    for (const column of columns) {
        const th = document.createElement("th");
        th.textContent = t(column.label);
        head.appendChild(th);
    }
    const body = shown.map((row, r) => {
        const tr = document.createElement("tr");
        if (onRow) {
            tr.className = "click";
            tr.addEventListener("click", () => onRow(row));
        }
        columns.forEach((column, c) => {
            const td = document.createElement("td");
            td.textContent = texts[r][c];
            if (column.name) td.className = "name";
            const params = column.cases && column.cases(row);
            if (params && openCases) {
                td.classList.add("num");
                td.addEventListener("click", (event) => {
                    event.stopPropagation();
                    openCases(params, column.title ? column.title(row) : t(column.label));
                });
            }
            tr.appendChild(td);
        });
        return tr;
    });
    if (!rows.length) {
        const tr = document.createElement("tr");
        tr.innerHTML = `<td class="empty" colspan="${columns.length}"></td>`;
        tr.firstChild.textContent = t("none");
        body.push(tr);
    }
    table.replaceChildren(head, ...body);
    clipToPanel(table);
    return table;
}

/** Hides the rows that would be cut by the bottom of the table's panel: the wall never scrolls. */
export function clipToPanel(table) {
    const box = table.parentElement.closest(".half, .panel");
    if (!box) return;
    const bottom = box.getBoundingClientRect().bottom - 2;
    for (const tr of table.rows) tr.hidden = false;
    for (const tr of table.rows) tr.hidden = tr.getBoundingClientRect().bottom > bottom;
}

/** The table's text as CSV (what is shown, header included). */
export function tableCsv(table) {
    return [...table.rows].map((tr) => [...tr.cells].map((cell) => csvField(cell.textContent)).join(",")).join("\r\n");
}

export function csvField(text) {
    const s = String(text ?? "");
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

// Exports: the current view's table as CSV, the page as PNG.
import html2canvas from "html2canvas";

/** Saves text as a UTF-8 file (with a BOM so spreadsheet programs read the Chinese). */
export function downloadText(name, text) {
    download(name, URL.createObjectURL(new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" })));
}

/** Renders the page to a PNG data URL (charts included) and saves it. */
export async function pagePng(name) {
    const canvas = await html2canvas(document.body, { backgroundColor: "#0a1120", logging: false,
        scale: window.devicePixelRatio || 1 });
    const url = canvas.toDataURL("image/png");
    download(name, url);
    return url;
}

function download(name, url) {
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    if (url.startsWith("blob:")) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

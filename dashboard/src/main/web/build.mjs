// Assembles the wall page: bundles js/main.js (ECharts, the Beijing map, html2canvas and the
// page's modules) with esbuild and inlines it and wall.css into one index.html, because the
// server serves the page as a single resource and nothing may come from a CDN at run time.
// Usage: node src/main/web/build.mjs <output folder>   (Maven: target/classes/web)
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, "../../../target/classes/web"));
const catalogue = resolve(here, "../../../../contract/src/main/resources/catalogue");

const bundle = await build({
    entryPoints: [join(here, "js/main.js")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    write: false,
    legalComments: "none",
    loader: { ".csv": "text" },
    alias: { "catalogue": catalogue },
    logLevel: "warning",
});
const script = bundle.outputFiles[0].text.replaceAll("</script", "<\\/script");
const style = readFileSync(join(here, "wall.css"), "utf8");
const page = readFileSync(join(here, "index.html"), "utf8")
    .replace("/*STYLE*/", () => style)
    .replace("/*SCRIPT*/", () => script);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "index.html"), page);
console.log(`wall page: ${join(out, "index.html")} (${Math.round(page.length / 1024)} KiB)`);

// ECharts, only the parts the wall draws, with the Beijing district map registered once.
import * as echarts from "echarts/core";
import { MapChart, EffectScatterChart, ScatterChart, LineChart, BarChart } from "echarts/charts";
import { GeoComponent, TooltipComponent, VisualMapComponent, GridComponent, LegendComponent,
    MarkLineComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import beijing from "echarts-map-source/map/json/province/beijing.json";

echarts.use([MapChart, EffectScatterChart, ScatterChart, LineChart, BarChart, GeoComponent,
    TooltipComponent, VisualMapComponent, GridComponent, LegendComponent, MarkLineComponent,
    CanvasRenderer]);
echarts.registerMap("beijing", beijing);

export { echarts };

/** The map's district names (Chinese, as in the GeoJSON). */
export const MAP_DISTRICTS = beijing.features.map((f) => f.properties.name);

/** Pixels per rem: chart fonts follow the page's scale (16 at 1920×1080, 32 at 3840×2160). */
export function rem(n = 1) {
    return n * parseFloat(getComputedStyle(document.documentElement).fontSize);
}

/** An ECharts instance on an element, resized with the window. */
export function chartOn(element) {
    const chart = echarts.init(element, null, { renderer: "canvas" });
    window.addEventListener("resize", () => chart.resize());
    return chart;
}

export const TEXT = "#e8eef7";
export const DIM = "#93a4bd";
export const LINE = "#23324d";
/** Okabe–Ito colours: severity high / medium / low. */
export const SEVERITY = { HIGH: "#d55e00", MEDIUM: "#e69f00", LOW: "#56b4e9" };
/** cividis: a sequential scale readable with every common colour-vision deficiency. */
export const SEQUENTIAL = ["#00224e", "#2a3f6d", "#575d6d", "#7d7c78", "#a69d75", "#d3c164", "#fee838"];

/** Writes docs/summary-chart.png and docs/history-chart.png, the charts the README shows, from the chart tests' samples. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { historySvg } from "../src/chart/history-svg.js";
import { svgToPng } from "../src/chart/png.js";
import { summarySvg } from "../src/chart/summary-svg.js";
import { sampleHistory } from "../test/chart/sample-history.js";
import { LEVEL_NAMES, sampleSummary } from "../test/chart/sample-summary.js";

const docs = join(import.meta.dirname, "..", "docs");
const charts = {
  "summary-chart.png": summarySvg(sampleSummary, LEVEL_NAMES),
  "history-chart.png": historySvg(sampleHistory, LEVEL_NAMES),
};
for (const [name, svg] of Object.entries(charts)) {
  writeFileSync(join(docs, name), svgToPng(svg));
  process.stdout.write(`${join(docs, name)} written\n`);
}

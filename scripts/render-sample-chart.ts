/** Writes docs/summary-chart.png, the chart the README shows, from the same sample the chart tests use. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { svgToPng } from "../src/chart/png.js";
import { summarySvg } from "../src/chart/summary-svg.js";
import { LEVEL_NAMES, sampleSummary } from "../test/chart/sample-summary.js";

const file = join(import.meta.dirname, "..", "docs", "summary-chart.png");
writeFileSync(file, svgToPng(summarySvg(sampleSummary, LEVEL_NAMES)));
process.stdout.write(`${file} written\n`);

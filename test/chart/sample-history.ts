import type { HistoryChartData } from "../../src/chart/history-fit.js";
import { defaultModel } from "../../src/engine/default-model/index.js";

/**
 * A year of quarterly rounds with the default model: levels rise unevenly, one dimension slips in the last round,
 * and the overall level (the weakest dimension) climbs from 0 to 2 towards a target of 3. The title says whose it
 * is; the chart adds the days.
 */
export const sampleHistory: HistoryChartData = {
  title: "#ml-platform",
  dimensions: defaultModel.dimensions.map((d) => d.name),
  rounds: [
    { label: "2025-03-31", overall: 0, levels: [1, 0, 1, 0, 0, 1, 0, 1] },
    { label: "2025-06-30", overall: 0, levels: [2, 1, 1, 1, 0, 1, 0, 1] },
    { label: "2025-09-30", overall: 1, levels: [2, 1, 2, 1, 1, 1, 1, 2] },
    { label: "2025-12-31", overall: 1, levels: [2, 2, 2, 2, 1, 2, 1, 3] },
    { label: "2026-03-31", overall: 2, levels: [3, 2, 3, 2, 2, 3, 2, 2] },
  ],
  target: 3,
};

import { type ChartLinksOptions, createChartLinks } from "../../src/chart/chart-links.js";
import { quietLogger } from "../flows/harness.js";
import { LEVEL_NAMES } from "./sample-summary.js";

/** Chart links as the chart tests sign them: a day long, for the public address https://bot.example.com/. */
export const testChartLinks = (clock: () => Date, toPng?: ChartLinksOptions["toPng"]) =>
  createChartLinks({
    publicUrl: "https://bot.example.com/",
    secret: "a-secret-of-sixteen+",
    ttlMs: 86_400_000,
    levelNames: LEVEL_NAMES,
    clock,
    logger: quietLogger,
    ...(toPng ? { toPng } : {}),
  });

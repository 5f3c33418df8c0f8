import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { z } from "zod";
import { CHART_PATH, createChartLinks, HISTORY_CHART_PATH } from "../src/chart/chart-links.js";
import { systemClock } from "../src/chat/ports.js";
import { lowerThisThreadPriority, thisThreadId } from "../src/threads/thread-priority.js";
import { createHttpServer } from "./http-server.js";
import { createLogger } from "./logger.js";
import { createMetrics, type MetricsData } from "./metrics.js";

/**
 * The chart thread (CHART_PORT, started by chart-server.ts): chart images on a port of their own, served by a
 * thread at the lowest CPU priority. A burst of image fetches is accepted, parsed and answered here, not on the
 * event loop that acks Slack and Teams, and on a busy machine it waits for that loop instead of competing with it.
 */
export const chartThreadSettings = z.object({
  port: z.number().int().min(0).max(65535),
  host: z.string(),
  publicUrl: z.string(),
  secret: z.string().min(16),
  ttlMs: z.number().positive(),
  levelNames: z.array(z.string()),
  logLevel: z.string(),
});
export type ChartThreadSettings = z.infer<typeof chartThreadSettings>;

/** What the thread tells the main thread: once, whether it listens; then its metrics whenever asked. */
export type ChartThreadReport =
  | { listening: number; threadId?: number; lowered: boolean }
  | { failed: string }
  | { scraped: number; data: MetricsData };
/** What the main thread asks: this thread's metrics (for a scrape), or to close. */
export type ToChartThread = { scrape: number } | "close";

const report = (message: ChartThreadReport) => parentPort?.postMessage(message);

const settings = chartThreadSettings.parse((workerData as { data: unknown }).data);
const lowered = lowerThisThreadPriority();
const logger = createLogger({ level: settings.logLevel }).child({ thread: "charts" });
const links = createChartLinks({ ...settings, clock: systemClock, logger });
// Its requests only: the process-wide figures are the main thread's to report.
const metrics = createMetrics({ processDefaults: false });
const server = createHttpServer({
  // Readiness is the main port's business: this one only says whether it answers.
  readiness: () => Promise.resolve({ ready: true, reasons: [], platforms: {} }),
  metrics,
  logger,
  routes: {},
  getRoutes: { [CHART_PATH]: links.handler, [HISTORY_CHART_PATH]: links.handler },
});
server.once("error", (error) => {
  report({ failed: error.message });
  process.exit(1);
});
server.listen(settings.port, settings.host, () => {
  const port = (server.address() as AddressInfo).port;
  const threadId = thisThreadId();
  report({ listening: port, lowered, ...(threadId === undefined ? {} : { threadId }) });
});
parentPort?.on("message", (message: ToChartThread) => {
  // Closing: stop taking connections, finish the responses under way, then end the thread (not the process).
  if (message === "close") return void server.close(() => process.exit(0));
  metrics.registry.getMetricsAsJSON().then(
    (data) => report({ scraped: message.scrape, data }),
    (error: unknown) => {
      logger.warn({ err: error }, "chart thread metrics failed");
      report({ scraped: message.scrape, data: [] });
    },
  );
});

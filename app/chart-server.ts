import type { Worker } from "node:worker_threads";
import type { Logger } from "../src/chat/ports.js";
import { moduleWorker } from "../src/threads/module-worker.js";
import type { ChartThreadReport, ChartThreadSettings, ToChartThread } from "./chart-thread.js";
import type { MetricsData } from "./metrics.js";

/** A chart thread that ended on its own is started again after this long (a crash loop stays slow). */
const RESTART_DELAY_MS = 1000;
/** How long close() lets responses under way finish before it ends the thread anyway. */
const CLOSE_DEADLINE_MS = 3000;
/** A scrape does not wait longer than this for the chart thread's metrics (a busy thread is left out once). */
const SCRAPE_WAIT_MS = 1000;

export interface ChartServer {
  /** The port the chart thread listens on. */
  port: number;
  /** The thread serving now; a thread that dies is replaced, on the same port. */
  current(): Worker;
  /** The chart thread's own metrics (its requests), for the main thread's scrape; none while it is being replaced. */
  metrics(): Promise<MetricsData>;
  close(): Promise<void>;
}

interface Running {
  thread: Worker;
  listening: Promise<number>;
  exited: Promise<void>;
  alive: boolean;
}

/**
 * Starts the chart thread (chart-thread.ts) and keeps one running until close(). Resolves once it listens, and
 * rejects if it cannot (port taken): a replica that was asked for a chart port must not start without one.
 */
export async function startChartServer(settings: ChartThreadSettings, logger: Logger): Promise<ChartServer> {
  let closing = false;
  /** Set once the first thread listens: only a thread that served is replaced (a port taken at start is an error). */
  let started = false;
  let pinned = settings;
  let nextScrape = 0;
  const scrapes = new Map<number, (data: MetricsData) => void>();
  const send = (thread: Worker, message: ToChartThread) => thread.postMessage(message);

  function start(): Running {
    const thread = moduleWorker(import.meta.url, "./chart-thread", pinned);
    let listened: (port: number) => void = () => {};
    let failed: (error: Error) => void = () => {};
    const listening = new Promise<number>((resolve, reject) => {
      listened = resolve;
      failed = reject;
    });
    thread.on("message", (report: ChartThreadReport) => {
      if ("scraped" in report) return scrapes.get(report.scraped)?.(report.data);
      if ("failed" in report) return failed(new Error(`chart port ${pinned.port}: ${report.failed}`));
      const { listening: port, threadId, lowered } = report;
      logger.info({ port, threadId, lowestPriority: lowered }, "charts listening");
      listened(port);
    });
    thread.on("error", (error) => {
      logger.error({ err: error }, "chart thread failed");
      failed(error);
    });
    const exited = new Promise<void>((resolve) => thread.once("exit", () => resolve()));
    const running: Running = { thread, listening, exited, alive: true };
    thread.once("exit", (code) => {
      running.alive = false;
      if (closing || !started) return;
      logger.error({ code }, `chart thread ended; starting another in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => {
        if (closing) return;
        current = start();
        current.listening.catch((error: unknown) => logger.error({ err: error }, "chart thread did not start again"));
      }, RESTART_DELAY_MS).unref();
    });
    return running;
  }

  let current = start();
  const port = await current.listening;
  started = true;
  // Started again, it must come back where the links and the ingress point.
  pinned = { ...settings, port };
  return {
    port,
    current: () => current.thread,
    metrics() {
      if (!current.alive) return Promise.resolve([]);
      const id = nextScrape++;
      return new Promise<MetricsData>((resolve) => {
        const timer = setTimeout(() => answered([]), SCRAPE_WAIT_MS);
        const answered = (data: MetricsData) => {
          clearTimeout(timer);
          scrapes.delete(id);
          resolve(data);
        };
        scrapes.set(id, answered);
        send(current.thread, { scrape: id });
      });
    },
    async close() {
      closing = true;
      const { thread, exited } = current;
      // A thread that already ended (its replacement not yet started) has `exited` resolved; the message goes nowhere.
      send(thread, "close");
      const deadline = setTimeout(() => void thread.terminate(), CLOSE_DEADLINE_MS);
      await exited;
      clearTimeout(deadline);
    },
  };
}

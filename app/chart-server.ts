import type { Worker } from "node:worker_threads";
import type { Logger } from "../src/chat/ports.js";
import { moduleWorker } from "../src/threads/module-worker.js";
import type { ChartThreadReport, ChartThreadSettings } from "./chart-thread.js";

/** A chart thread that ended on its own is started again after this long (a crash loop stays slow). */
const RESTART_DELAY_MS = 1000;
/** How long close() lets responses under way finish before it ends the thread anyway. */
const CLOSE_DEADLINE_MS = 3000;

export interface ChartServer {
  /** The port the chart thread listens on. */
  port: number;
  /** The thread serving now; a thread that dies is replaced, on the same port. */
  current(): Worker;
  close(): Promise<void>;
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

  interface Running {
    thread: Worker;
    listening: Promise<number>;
    exited: Promise<void>;
  }

  function start(): Running {
    const thread = moduleWorker(import.meta.url, "./chart-thread", pinned);
    const listening = new Promise<number>((resolve, reject) => {
      thread.once("message", (report: ChartThreadReport) => {
        if ("failed" in report) return reject(new Error(`chart port ${pinned.port}: ${report.failed}`));
        const { listening: port, threadId, lowered } = report;
        logger.info({ port, threadId, lowestPriority: lowered }, "charts listening");
        resolve(port);
      });
      thread.once("error", reject);
    });
    thread.on("error", (error) => logger.error({ err: error }, "chart thread failed"));
    const exited = new Promise<void>((resolve) => thread.once("exit", () => resolve()));
    thread.once("exit", (code) => {
      if (closing || !started) return;
      logger.error({ code }, `chart thread ended; starting another in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => {
        if (closing) return;
        running = start();
        running.listening.catch((error: unknown) => logger.error({ err: error }, "chart thread did not start again"));
      }, RESTART_DELAY_MS).unref();
    });
    return { thread, listening, exited };
  }

  let running = start();
  const port = await running.listening;
  started = true;
  // Started again, it must come back where the links and the ingress point.
  pinned = { ...settings, port };
  return {
    port,
    current: () => running.thread,
    async close() {
      closing = true;
      const { thread, exited } = running;
      // A thread that already ended (its replacement not yet started) has `exited` resolved; the message goes nowhere.
      thread.postMessage("close");
      const deadline = setTimeout(() => void thread.terminate(), CLOSE_DEADLINE_MS);
      await exited;
      clearTimeout(deadline);
    },
  };
}

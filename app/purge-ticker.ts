import cron from "node-cron";
import type { Logger } from "../src/chat/ports.js";

/**
 * Departed workspaces' data is deleted when their retention window ends: every replica looks every quarter of an
 * hour (the store's claims give each purge to one), and once at start-up so a window that ended while every
 * replica was down is honoured now.
 */
export function startPurgeTicker(purgeDue: () => Promise<number>, logger: Logger) {
  const run = async () => {
    try {
      const purged = await purgeDue();
      if (purged > 0) logger.info({ purged }, "purge tick");
    } catch (error) {
      logger.warn({ err: error }, "purge tick failed; the next one retries");
    }
  };
  const task = cron.schedule("*/15 * * * *", run, { name: "mlops-assess-purges", noOverlap: true });
  void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}

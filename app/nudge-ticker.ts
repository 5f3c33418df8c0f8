import cron from "node-cron";
import type { Logger } from "../src/chat/ports.js";
import type { Metrics } from "./metrics.js";

/**
 * Every replica ticks every minute; the Redis claims inside the tick make each nudge go out once. One tick also
 * runs at start-up, so a slot missed while every replica was down is sent now instead of waiting a minute.
 */
export function startNudgeTicker(
  tick: () => Promise<{ claimed: number; sent: number; failed: number }>,
  deps: { logger: Logger; metrics: Metrics },
) {
  const run = async () => {
    try {
      const result = await tick();
      if (result.sent > 0) deps.metrics.nudges.inc({ outcome: "sent", kind: "any" }, result.sent);
      if (result.failed > 0) deps.metrics.nudges.inc({ outcome: "failed", kind: "any" }, result.failed);
      if (result.claimed > 0) deps.logger.info(result, "nudge tick");
    } catch (error) {
      deps.logger.warn({ err: error }, "nudge tick failed; the next one retries");
    }
  };
  // noOverlap: a slow tick (Redis hiccup, many teams) is never run twice at once in this process.
  const task = cron.schedule("* * * * *", run, { name: "mlops-assess-nudges", noOverlap: true });
  void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}

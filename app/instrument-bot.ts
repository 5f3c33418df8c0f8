import type { ChatBot } from "../src/chat/ports.js";
import type { Metrics } from "./metrics.js";

/**
 * Counts what operators care about from what the bot says, so flows stay free of metrics code:
 * a first question shown = an assessment started, a personal result = one completed, a storage error notice.
 */
export function instrumentBot(bot: ChatBot, metrics: Metrics): ChatBot {
  return {
    async handle(event) {
      const replies = await bot.handle(event);
      const platform = event.kind === "unsupported" ? "unknown" : event.address.platform;
      for (const { message } of replies) {
        if (message.kind === "question" && message.progress.index === 1 && !message.current) {
          metrics.assessments.inc({ event: "started", platform });
        }
        if (message.kind === "summary" && message.scope === "person")
          metrics.assessments.inc({ event: "completed", platform });
        if (message.kind === "error" && message.code === "store_unavailable") metrics.storeErrors.inc();
      }
      return replies;
    },
  };
}

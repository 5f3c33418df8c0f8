import type { ChartLinks } from "../src/chart/chart-links.js";
import type { OutboundMessage } from "../src/chat/outbound.js";
import type { ChatBot, Logger } from "../src/chat/ports.js";

/**
 * Adds chart links to the team summaries and histories the flows produce. Flows stay free of URLs and of where
 * the app is served; adapters show `chart` when it is there (an image block in Slack, an Image in a Teams card).
 */
export function withCharts(
  bot: ChatBot,
  charts: Pick<ChartLinks, "chartFor" | "historyChartFor">,
  logger: Logger,
): ChatBot {
  const withChart = (message: OutboundMessage): OutboundMessage => {
    if (message.kind === "summary" && message.scope === "team") return { ...message, chart: charts.chartFor(message) };
    if (message.kind !== "history") return message;
    try {
      return { ...message, chart: charts.historyChartFor(message.series) };
    } catch (error) {
      // A custom model the chart cannot draw (more than 12 dimensions): the history still goes out, as text.
      logger.warn({ err: error }, "history chart left out");
      return message;
    }
  };
  return {
    async handle(event) {
      const replies = await bot.handle(event);
      return replies.map((reply) => ({ ...reply, message: withChart(reply.message) }));
    },
  };
}

import type { ChartLinks } from "../chart/chart-links.js";
import type { ChatBot } from "../chat/ports.js";

/**
 * Adds the chart link to every team summary the flows produce. Flows stay free of URLs and of where the app is
 * served; adapters show `chart` when it is there (an image block in Slack, an Image in a Teams card).
 */
export function withCharts(bot: ChatBot, charts: Pick<ChartLinks, "chartFor">): ChatBot {
  return {
    async handle(event) {
      const replies = await bot.handle(event);
      return replies.map((reply) =>
        reply.message.kind === "summary" && reply.message.scope === "team"
          ? { ...reply, message: { ...reply.message, chart: charts.chartFor(reply.message) } }
          : reply,
      );
    },
  };
}

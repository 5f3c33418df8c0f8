import { ellipsize } from "../chat/short-text.js";

/** A team's levels over its rounds, as the history chart draws them. */
export interface HistoryChartData {
  /** Whose history it is ("#ml-platform"); the chart's title adds the days of the rounds it draws. */
  title: string;
  /** Dimension names, in model order. */
  dimensions: string[];
  /** Oldest first. `levels[i]` is `dimensions[i]`'s level, 0-4. */
  rounds: { label: string; overall: number; levels: number[] }[];
  /** 0-4, drawn as a dashed line. */
  target?: number;
}

/**
 * What the history chart can show: the latest rounds, and names as long as the chart has room for. Both the
 * drawing and the chart link go through here, so the link carries only what is drawn (which bounds its length
 * under Slack's 3000-character image_url limit) and a decoded link draws exactly what the original data drew.
 */
export const HISTORY_LIMITS = { rounds: 12, dimensions: 12, title: 60, name: 30, label: 12 } as const;

export function fitHistory(data: HistoryChartData): HistoryChartData {
  return {
    title: ellipsize(data.title, HISTORY_LIMITS.title),
    dimensions: data.dimensions.map((name) => ellipsize(name, HISTORY_LIMITS.name)),
    rounds: data.rounds.slice(-HISTORY_LIMITS.rounds).map((r) => ({
      label: ellipsize(r.label, HISTORY_LIMITS.label),
      overall: r.overall,
      levels: r.levels,
    })),
    ...(data.target === undefined ? {} : { target: data.target }),
  };
}

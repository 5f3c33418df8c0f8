import { z } from "zod";
import type { HistoryChartData } from "./history-fit.js";
import { fitHistory, HISTORY_LIMITS } from "./history-fit.js";

/**
 * The history chart's data as carried inside its link, kept short for Slack's 3000-character image_url: one-letter
 * keys, each round as [label, overall, levels] with the levels as a digit string ("2132..."), and only what the
 * chart draws (history-fit.ts). 12 rounds of 12 dimensions make a link of about 2 KB at most.
 */
const level = z.int().min(0).max(4);
const historyPayloadSchema = z
  .object({
    t: z.string().max(HISTORY_LIMITS.title),
    d: z.array(z.string().max(HISTORY_LIMITS.name)).max(HISTORY_LIMITS.dimensions),
    r: z
      .array(z.tuple([z.string().max(HISTORY_LIMITS.label), level, z.string().regex(/^[0-4]*$/)]))
      .max(HISTORY_LIMITS.rounds),
    g: level.optional(),
  })
  .refine((p) => p.r.every(([, , levels]) => levels.length === p.d.length), "one level per dimension in every round");
type HistoryPayload = z.infer<typeof historyPayloadSchema>;

/** Throws (a ZodError) on data the chart cannot draw: more than 12 dimensions, levels outside 0-4, missing levels. */
export function encodeHistory(data: HistoryChartData): HistoryPayload {
  const fitted = fitHistory(data);
  return historyPayloadSchema.parse({
    t: fitted.title,
    d: fitted.dimensions,
    r: fitted.rounds.map((r) => [r.label, r.overall, r.levels.join("")]),
    ...(fitted.target === undefined ? {} : { g: fitted.target }),
  });
}

export function decodeHistory(json: unknown): HistoryChartData {
  const p = historyPayloadSchema.parse(json);
  return {
    title: p.t,
    dimensions: p.d,
    rounds: p.r.map(([label, overall, levels]) => ({ label, overall, levels: [...levels].map(Number) })),
    ...(p.g === undefined ? {} : { target: p.g }),
  };
}

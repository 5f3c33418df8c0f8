import { z } from "zod";
import type { SummaryMessage } from "../chat/outbound.js";

/** What the summary chart needs, as carried inside its link (chart-links.ts). */
const level = z.int().min(0).max(4);
const summaryPayloadSchema = z.object({
  title: z.string().max(200),
  overall: z.object({
    level,
    name: z.string().max(100),
    previous: level.optional(),
    unrated: z.int().min(0).max(20).default(0),
  }),
  profile: z.number().min(0).max(4),
  dimensions: z
    .array(
      z.object({
        name: z.string().max(100),
        level,
        previous: level.optional(),
        target: level.optional(),
        disagreement: z.boolean(),
        unrated: z.boolean().optional(),
      }),
    )
    .max(20),
});
type SummaryPayload = z.infer<typeof summaryPayloadSchema>;

export function encodeSummary(summary: SummaryMessage): SummaryPayload {
  return {
    title: summary.title,
    overall: summary.overall,
    profile: Math.round(summary.profile * 10) / 10,
    dimensions: summary.dimensions.map((d) => ({
      name: d.name,
      level: d.level,
      ...(d.previous === undefined ? {} : { previous: d.previous }),
      ...(d.target === undefined ? {} : { target: d.target }),
      disagreement: d.disagreement,
      ...(d.unresolved ? { unrated: true } : {}),
    })),
  };
}

/** The chart only reads these fields; the rest of a SummaryMessage is filled with what it does not draw. */
export function decodeSummary(json: unknown): SummaryMessage {
  const data = summaryPayloadSchema.parse(json);
  return {
    kind: "summary",
    scope: "team",
    ...data,
    dimensions: data.dimensions.map(({ unrated, ...d }, i) => ({
      ...d,
      id: String(i),
      levelName: "",
      progress: 0,
      unresolved: unrated ?? false,
    })),
    nextSteps: [],
    notes: [],
    buttons: [],
  };
}

import { z } from "zod";
import { answersSchema, modeSchema } from "../../src/engine/answers.js";

/** Only web links: a `javascript:` or `file:` URL must never reach a summary, an export or a spreadsheet. */
export const evidenceLinkSchema = z.url({ protocol: /^https?$/ }).max(500);

/**
 * One person's assessment, stored as plain JSON under the team's round (keys.response). Everything a restart,
 * a failover or another replica needs to carry on is in here; nothing lives in process memory.
 */
export const assessStateSchema = z.object({
  modelId: z.string(),
  /** Answers are scored against the model version they were given for; a change is handled on resume. */
  modelVersion: z.string(),
  mode: modeSchema,
  /** A partial re-check: only this dimension's deep statements are asked. */
  focus: z.string().max(128).optional(),
  roundId: z.string(),
  /** The team channel the round belongs to (the DM itself for a personal assessment). */
  channel: z.string(),
  userName: z.string().optional(),
  answers: answersSchema,
  /** The question answered most recently: `evidence <link>` attaches to it. */
  lastAnswered: z.string().max(128).optional(),
  /** Question id -> a link that backs the answer up (CI run, dashboard, runbook). */
  evidence: z.record(z.string().max(128), evidenceLinkSchema).optional(),
  /** Id of the question the person is looking at; undefined once complete. */
  position: z.string().optional(),
  status: z.enum(["in-progress", "completed", "cancelled"]),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().optional(),
});
export type AssessState = z.infer<typeof assessStateSchema>;

/** What a person can do inside an assessment. Buttons and commands are translated to these. */
export type AssessInput =
  | { type: "answer"; questionId: string; value: string }
  /** `from`: the question the button was shown with (absent on older buttons). */
  | { type: "back"; from?: string }
  | { type: "skip"; from?: string }
  | { type: "cancel" }
  | { type: "resume" };

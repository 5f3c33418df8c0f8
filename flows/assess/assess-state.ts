import { z } from "zod";
import { answersSchema, modeSchema } from "../../src/engine/answers.js";

/**
 * One person's assessment, stored as plain JSON under the team's round (keys.response). Everything a restart,
 * a failover or another replica needs to carry on is in here; nothing lives in process memory.
 */
export const assessStateSchema = z.object({
  modelId: z.string(),
  /** Answers are scored against the model version they were given for; a change is handled on resume. */
  modelVersion: z.string(),
  mode: modeSchema,
  roundId: z.string(),
  /** The team channel the round belongs to (the DM itself for a personal assessment). */
  channel: z.string(),
  userName: z.string().optional(),
  answers: answersSchema,
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
  | { type: "back" }
  | { type: "skip" }
  | { type: "cancel" }
  | { type: "resume" };

import { z } from "zod";

/**
 * What a button carries. Flows create these, adapters put the encoded string in a Slack button value or an
 * Adaptive Card's data and hand it back untouched on click. Short keys keep the value far under Slack's
 * 2,000-character limit; everything is validated again on the way in, since clients can send anything.
 */
const shortId = z.string().min(1).max(128);

export const buttonActionSchema = z.discriminatedUnion("a", [
  /** An answer to one question of one assessment. */
  z.object({ a: z.literal("answer"), c: shortId, r: shortId, q: shortId, v: z.string().min(1).max(32) }),
  /**
   * Navigation inside an assessment. `q` is the question Back or Skip was shown with: the same click again (after
   * a reply that never arrived, or a replay) then moves nobody a second step. Older buttons have none.
   */
  z.object({ a: z.enum(["back", "skip", "cancel", "resume"]), c: shortId, r: shortId, q: shortId.optional() }),
  /** Join (or start) the team's round: `c` is the team's channel id, `r` the round id. */
  z.object({ a: z.literal("join"), c: shortId, r: shortId, m: z.enum(["quick", "deep"]).optional() }),
  /** Start a new round for a team (reassessment nudge). */
  z.object({ a: z.literal("start"), c: shortId, m: z.enum(["quick", "deep"]).optional() }),
  /** Adopt a next step of the team summary as the team's action: `p` is the practice. */
  z.object({ a: z.literal("adopt"), c: shortId, p: shortId }),
  /** An action moved on: done, dropped, or still open ("Still on it"). `i` is the action's id. */
  z.object({ a: z.literal("act"), c: shortId, i: shortId, s: z.enum(["done", "dropped", "open"]) }),
  /** Open the form that changes an action's owner and due date. */
  z.object({ a: z.literal("change"), c: shortId, i: shortId }),
  /** Start a partial re-check of one dimension `d` (its deep statements) for the team (a webhook's post). */
  z.object({ a: z.literal("recheck"), c: shortId, d: shortId }),
  /** Open the team's settings form. */
  z.object({ a: z.literal("settings"), c: shortId }),
]);
export type ButtonAction = z.infer<typeof buttonActionSchema>;

export function encodeAction(action: ButtonAction): string {
  return JSON.stringify(action);
}

/**
 * A short JSON string that came back from a client (a button value, a form's metadata), checked against its
 * schema; undefined for anything else, however it fails.
 */
export function decodeJson<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (typeof value !== "string" || value.length > 2000) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function decodeAction(value: unknown): ButtonAction | undefined {
  return decodeJson(buttonActionSchema, value);
}

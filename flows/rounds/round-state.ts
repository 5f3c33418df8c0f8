import { z } from "zod";
import { CONVERSATION_NAME_MAX } from "../../src/chat/address.js";
import { modeSchema } from "../../src/engine/answers.js";
import { levelSchema } from "../../src/engine/model-schema.js";

/**
 * Who may see what people answered. `confidential` (the default): only aggregates, nobody's answers, no names
 * next to levels. `attributed`: the team agreed that summaries may name who answered what, and exports carry
 * individual answers. A round keeps the mode it was opened under: people answered under that promise.
 */
export const privacyModeSchema = z.enum(["confidential", "attributed"]);
export type PrivacyMode = z.infer<typeof privacyModeSchema>;

/** A team's assessment round: opened by the start command in a channel, closed by `close` or after `closesAt`. */
export const roundSchema = z.object({
  id: z.string(),
  channel: z.string(),
  /**
   * What people called the channel when the round opened ("#ml-platform"), for titles and charts that get forwarded;
   * absent when the platform did not say, and on rounds opened before names were kept.
   */
  name: z.string().max(CONVERSATION_NAME_MAX).optional(),
  mode: modeSchema,
  openedBy: z.object({ id: z.string(), name: z.string().optional() }),
  openedAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  /** Set when the round is closed; the record stays as the "last round" until the next one opens. */
  closedAt: z.iso.datetime().optional(),
  /** A DM round is one person's own assessment: no invitation, no team summary. */
  personal: z.boolean(),
  /** Absent on rounds written before privacy modes existed: those were confidential. */
  privacy: privacyModeSchema.optional(),
  /** The privacy floor the round was opened under: people answered under that promise, so a later change waits. */
  minRespondents: z.int().min(1).max(50).optional(),
  /** A partial re-check of one dimension (its id): only its deep statements are asked. */
  focus: z.string().optional(),
  /** The opener's time zone: the invitation tells the closing date on that clock (UTC when unknown). */
  timeZone: z.string().max(64).optional(),
});
export type Round = z.infer<typeof roundSchema>;

const snapshotSchema = z.object({
  modelVersion: z.string(),
  overall: levelSchema,
  profile: z.number(),
  /** `unrated`: nobody could say (their level is a floor, never compared); absent before 3.0 rounds. */
  dimensions: z.array(z.object({ dimension: z.string(), level: levelSchema, unrated: z.boolean().optional() })),
});

/** What history keeps of a closed round: enough for trends and charts, no individual answers. */
export const roundRecordSchema = z.object({
  roundId: z.string(),
  mode: modeSchema,
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime(),
  respondents: z.int().min(0),
  snapshot: snapshotSchema.optional(),
  /** The round's privacy mode; absent on records written before modes existed (confidential). */
  privacy: privacyModeSchema.optional(),
  /**
   * A partial re-check of this dimension: its snapshot is the previous one with only that dimension's level
   * replaced (the others were not asked).
   */
  partial: z.string().optional(),
});
export type RoundRecord = z.infer<typeof roundRecordSchema>;
export const historySchema = z.array(roundRecordSchema);

export const teamSettingsSchema = z.object({
  target: levelSchema.optional(),
  /** Applies to rounds opened from now on. */
  privacy: privacyModeSchema.optional(),
  /** The team's own privacy floor (respondents before the spread of answers shows), instead of the app's. */
  minRespondents: z.int().min(1).max(50).optional(),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** Where a person's current assessment lives, so `resume` works from anywhere (DM, App Home, another channel). */
export const activePointerSchema = z.object({ channel: z.string(), roundId: z.string() });
export type ActivePointer = z.infer<typeof activePointerSchema>;

/**
 * Respondents a round needs before its summary shows the spread of answers: the floor it was opened under. Rounds
 * opened before floors were kept with them get the stricter of today's setting and the app's, never a lower one.
 */
export function spreadFloor(round: Pick<Round, "minRespondents">, settings: TeamSettings, appFloor: number): number {
  return round.minRespondents ?? Math.max(settings.minRespondents ?? appFloor, appFloor);
}

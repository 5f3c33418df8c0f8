import { z } from "zod";
import { addressSchema, platformSchema, type TeamScope } from "../../src/chat/address.js";
import { cadenceSchema } from "../../src/schedule/cadence.js";

/** A team's reassessment schedule (keys.schedule). */
export const teamScheduleSchema = z.object({
  cadence: cadenceSchema,
  /** Where reminders go: the team's channel. */
  address: addressSchema,
  nextDueAt: z.iso.datetime(),
  paused: z.boolean().default(false),
  /** The platform said the bot can no longer post there (removed, blocked): no more attempts. */
  unreachable: z.boolean().default(false),
  lastSentSlot: z.string().optional(),
  /** Who set the reminders: they (and admins) may change them. Absent on schedules set before this was kept. */
  setBy: z.string().optional(),
});
export type TeamSchedule = z.infer<typeof teamScheduleSchema>;

export const preferencesSchema = z.object({ snoozeUntil: z.iso.datetime().optional() });

/**
 * Members of the one due-sorted-set: a team's reassessment reminder, one person's unfinished assessment, or a
 * round invitation whose "who has answered" is behind (see flows/rounds/invitation-refresh.ts).
 */
const scope = { p: platformSchema, w: z.string(), c: z.string() };
export const dueItemSchema = z.discriminatedUnion("t", [
  z.object({ t: z.literal("team"), ...scope }),
  z.object({ t: z.literal("person"), ...scope, r: z.string(), u: z.string() }),
  z.object({ t: z.literal("invitation"), ...scope, r: z.string() }),
]);
export type DueItem = z.infer<typeof dueItemSchema>;

function encodeDueItem(item: DueItem): string {
  return JSON.stringify(item);
}

export function decodeDueItem(member: string): DueItem | undefined {
  try {
    const parsed = dueItemSchema.safeParse(JSON.parse(member));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The due-set member of each kind of item: one encoding, shared by the runner and the commands that schedule. */
export function teamDueMember(team: TeamScope): string {
  return encodeDueItem({ t: "team", p: team.platform, w: team.workspace, c: team.channel });
}

export function personDueMember(team: TeamScope, roundId: string, userId: string): string {
  return encodeDueItem({ t: "person", p: team.platform, w: team.workspace, c: team.channel, r: roundId, u: userId });
}

export function invitationDueMember(team: TeamScope, roundId: string): string {
  return encodeDueItem({ t: "invitation", p: team.platform, w: team.workspace, c: team.channel, r: roundId });
}

/** Reminders to a person with a half-done assessment: one day, then three days after their last answer. */
export const PERSON_REMINDER_DAYS = [1, 3] as const;

/** The sent-markers of one person's reminders in one round (keys.nudgeSent slots), in the order they are sent. */
export function personReminderSlots(roundId: string, userId: string): string[] {
  return PERSON_REMINDER_DAYS.map((_, i) => `person:${roundId}:${userId}:${i + 1}`);
}

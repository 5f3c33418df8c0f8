import type { TeamScope } from "../../src/chat/address.js";
import { type Keys, RESPONSE_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import {
  invitationDueMember,
  personDueMember,
  personReminderSlots,
  type TeamSchedule,
  teamDueMember,
  teamScheduleSchema,
} from "./nudge-state.js";

/** Team schedules, snoozes and the due index, as the chat commands change them. */
export function createScheduleRepo(store: Store, keys: Keys) {
  const due = keys.nudgesDue();
  return {
    get: (team: TeamScope) => store.get(keys.schedule(team), teamScheduleSchema),

    async save(team: TeamScope, schedule: TeamSchedule): Promise<void> {
      await store.set(keys.schedule(team), schedule);
      if (schedule.paused || schedule.unreachable) await store.unschedule(due, teamDueMember(team));
      else await store.schedule(due, teamDueMember(team), new Date(schedule.nextDueAt).getTime());
    },

    async remove(team: TeamScope): Promise<void> {
      await store.delete(keys.schedule(team));
      await store.unschedule(due, teamDueMember(team));
    },

    snooze: (team: Pick<TeamScope, "platform" | "workspace">, userId: string, until: Date) =>
      store.set(keys.preferences(team, userId), { snoozeUntil: until.toISOString() }, RESPONSE_TTL_MS),

    /**
     * Erase a person from a team's reminders (forget-me): their reminder checks and sent-markers for these rounds,
     * and their name on the schedule they set (which admins can still change).
     */
    async forgetPerson(team: TeamScope, roundIds: readonly string[], userId: string): Promise<void> {
      for (const roundId of roundIds) {
        await store.unschedule(due, personDueMember(team, roundId, userId));
        await store.delete(...personReminderSlots(roundId, userId).map((slot) => keys.nudgeSent(team, slot)));
      }
      await store.update(keys.schedule(team), teamScheduleSchema, (current) => {
        if (current?.setBy !== userId) return undefined;
        const { setBy: _forgotten, ...rest } = current;
        return rest;
      });
    },

    /** Check on a started assessment later; the runner decides then whether a reminder is due. */
    remindLater: (team: TeamScope, roundId: string, userId: string, at: Date) =>
      store.schedule(due, personDueMember(team, roundId, userId), at.getTime()),

    /** Refresh the round's invitation at the first tick after `at` (a later call moves it later). */
    refreshInvitationLater: (team: TeamScope, roundId: string, at: Date) =>
      store.schedule(due, invitationDueMember(team, roundId), at.getTime()),
  };
}

export type ScheduleRepo = ReturnType<typeof createScheduleRepo>;

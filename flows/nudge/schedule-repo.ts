import type { TeamScope } from "../../src/chat/address.js";
import { type Keys, RESPONSE_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import {
  invitationDueMember,
  personDueMember,
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

    /** Check on a started assessment later; the runner decides then whether a reminder is due. */
    remindLater: (team: TeamScope, roundId: string, userId: string, at: Date) =>
      store.schedule(due, personDueMember(team, roundId, userId), at.getTime()),

    /** Refresh the round's invitation at the first tick after `at` (a later call moves it later). */
    refreshInvitationLater: (team: TeamScope, roundId: string, at: Date) =>
      store.schedule(due, invitationDueMember(team, roundId), at.getTime()),
  };
}

export type ScheduleRepo = ReturnType<typeof createScheduleRepo>;

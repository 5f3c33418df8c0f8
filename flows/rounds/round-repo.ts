import { randomUUID } from "node:crypto";
import type { TeamScope } from "../../src/chat/address.js";
import type { Clock } from "../../src/chat/ports.js";
import type { Mode } from "../../src/engine/answers.js";
import { InvariantError } from "../../src/errors.js";
import type { Keys } from "../../src/store/keys.js";
import { HISTORY_MAX_ROUNDS, RESPONSE_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { DAY_MS } from "../../src/time-units.js";
import { type AssessState, assessStateSchema } from "../assess/assess-state.js";
import {
  type ActivePointer,
  activePointerSchema,
  historySchema,
  type PrivacyMode,
  type Round,
  type RoundRecord,
  roundSchema,
  type TeamSettings,
  teamSettingsSchema,
} from "./round-state.js";

/** Who opened a round once its opener asked to be forgotten: no person's id, so only admins manage it. */
export const FORGOTTEN_PERSON = "(forgotten)";

export function isOpen(round: Round, now: Date): boolean {
  return !round.closedAt && new Date(round.closesAt) > now;
}

export interface HistoryRetention {
  clock: Clock;
  /** Closed rounds older than this leave the history (read and write), whatever HISTORY_MAX_ROUNDS allows. */
  days: number;
}

/** Round, respondent and history persistence for one store; every write is atomic or idempotent. */
export function createRoundRepo(store: Store, keys: Keys, retention?: HistoryRetention) {
  const kept = (history: RoundRecord[]) => {
    if (!retention) return history;
    const oldest = retention.clock().getTime() - retention.days * DAY_MS;
    return history.filter((h) => Date.parse(h.closedAt) >= oldest);
  };
  return {
    /** The team's latest round, open or closed (closed ones stay until the next round opens). */
    latestRound: (team: TeamScope) => store.get(keys.openRound(team), roundSchema),

    /**
     * Open a round unless one is open (then join it). Atomic, so two people starting at once share one round.
     * Callers close an expired round first, so it reaches history before it is replaced.
     */
    async openOrJoin(
      team: TeamScope,
      init: {
        mode: Mode;
        /** The channel's name as people know it, when the event said. */
        name?: string;
        openedBy: Round["openedBy"];
        personal: boolean;
        privacy: PrivacyMode;
        minRespondents: number;
        now: Date;
        roundDays: number;
        /** A partial re-check of one dimension. */
        focus?: string;
        timeZone?: string;
      },
    ): Promise<{ round: Round; created: boolean }> {
      let created: Round | undefined;
      const { value } = await store.update(keys.openRound(team), roundSchema, (current) => {
        created = undefined;
        if (current && isOpen(current, init.now)) return undefined;
        created = {
          id: randomUUID().slice(0, 8),
          channel: team.channel,
          ...(init.name ? { name: init.name } : {}),
          mode: init.mode,
          openedBy: init.openedBy,
          openedAt: init.now.toISOString(),
          closesAt: new Date(init.now.getTime() + init.roundDays * DAY_MS).toISOString(),
          personal: init.personal,
          privacy: init.privacy,
          minRespondents: init.minRespondents,
          ...(init.focus ? { focus: init.focus } : {}),
          ...(init.timeZone ? { timeZone: init.timeZone } : {}),
        };
        return created;
      });
      if (!value) throw new InvariantError("round could not be opened");
      return { round: value, created: created !== undefined };
    },

    /** Close the round once: only the call that flips it writes the history record. */
    async closeRound(team: TeamScope, round: Round, record: RoundRecord): Promise<boolean> {
      const { changed } = await store.update(keys.openRound(team), roundSchema, (current) =>
        current?.id === round.id && !current.closedAt ? { ...current, closedAt: record.closedAt } : undefined,
      );
      if (!changed) return false;
      await store.update(keys.history(team), historySchema, (history = []) =>
        history.some((h) => h.roundId === record.roundId)
          ? undefined
          : kept([...history, record]).slice(-HISTORY_MAX_ROUNDS),
      );
      return true;
    },

    history: async (team: TeamScope) => kept((await store.get(keys.history(team), historySchema)) ?? []),

    /** Replace one round's history record (after someone's answers were deleted and the round re-aggregated). */
    async replaceRecord(team: TeamScope, record: RoundRecord): Promise<void> {
      await store.update(keys.history(team), historySchema, (history = []) =>
        history.some((h) => h.roundId === record.roundId)
          ? history.map((h) => (h.roundId === record.roundId ? record : h))
          : undefined,
      );
    },

    /** Delete one person's answers in one round; false when they had none there. */
    async forgetResponse(team: TeamScope, roundId: string, userId: string): Promise<boolean> {
      const members = await store.setMembers(keys.respondents(team, roundId));
      if (!members.includes(userId)) return false;
      await store.delete(keys.response(team, roundId, userId));
      await store.removeFromSet(keys.respondents(team, roundId), [userId]);
      return true;
    },

    /** Take a person's id and name off the team's latest round (forget-me): it then counts as opened by nobody. */
    async forgetOpener(team: TeamScope, userId: string): Promise<void> {
      await store.update(keys.openRound(team), roundSchema, (current) =>
        current?.openedBy.id === userId ? { ...current, openedBy: { id: FORGOTTEN_PERSON } } : undefined,
      );
    },

    /** What the workspace keeps about a person outside rounds: the resume pointer, preferences, cached profile. */
    forgetPerson: (workspace: Pick<TeamScope, "platform" | "workspace">, userId: string) =>
      store.delete(
        keys.activeAssessment(workspace, userId),
        keys.preferences(workspace, userId),
        keys.userProfile(workspace, userId),
      ),

    settings: async (team: TeamScope): Promise<TeamSettings> =>
      (await store.get(keys.settings(team), teamSettingsSchema)) ?? {},
    saveSettings: (team: TeamScope, change: (s: TeamSettings) => TeamSettings) =>
      store.update(keys.settings(team), teamSettingsSchema, (current = {}) => change(current)),

    response: (team: TeamScope, roundId: string, userId: string) =>
      store.get(keys.response(team, roundId, userId), assessStateSchema),

    /** The one write path for answers: compare-and-set, so a click is never lost or counted twice. */
    updateResponse: (
      team: TeamScope,
      roundId: string,
      userId: string,
      change: (current: AssessState | undefined) => AssessState | undefined,
    ) => store.update(keys.response(team, roundId, userId), assessStateSchema, change, RESPONSE_TTL_MS),

    /**
     * `updateResponse`, only while `roundId` is the team's open round at `now`: the round is checked with the
     * write (one compare-and-set over both), so no round closes between the check and the answer.
     */
    updateResponseWhileOpen: (
      team: TeamScope,
      roundId: string,
      userId: string,
      now: Date,
      change: (current: AssessState | undefined) => AssessState | undefined,
    ) =>
      store.updateGuarded(keys.response(team, roundId, userId), assessStateSchema, change, RESPONSE_TTL_MS, {
        key: keys.openRound(team),
        schema: roundSchema,
        allows: (round) => round?.id === roundId && isOpen(round, now),
      }),

    /** True for the one caller (of any replica) that may refresh the round's invitation in this window. */
    claimInvitationRefresh: (team: TeamScope, roundId: string, windowMs: number) =>
      store.setIfAbsent(keys.invitationRefreshed(team, roundId), 1, windowMs),

    async addRespondent(team: TeamScope, roundId: string, userId: string): Promise<void> {
      await store.addToSet(keys.respondents(team, roundId), [userId], RESPONSE_TTL_MS);
      await store.addToSet(keys.teams(team), [team.channel]);
    },

    /** Every respondent's state for a round, in two round trips (set + one multi-get in the team's slot). */
    async responses(team: TeamScope, roundId: string): Promise<{ userId: string; state: AssessState }[]> {
      const users = await store.setMembers(keys.respondents(team, roundId));
      const states = await store.getMany(
        users.map((u) => keys.response(team, roundId, u)),
        assessStateSchema,
      );
      return users.flatMap((userId, i) => {
        const state = states[i];
        return state ? [{ userId, state }] : [];
      });
    },

    /** Channels of the workspace that have run a round. */
    teamsOf: (workspace: Pick<TeamScope, "platform" | "workspace">) => store.setMembers(keys.teams(workspace)),

    active: (team: Pick<TeamScope, "platform" | "workspace">, userId: string) =>
      store.get(keys.activeAssessment(team, userId), activePointerSchema),
    setActive: (team: Pick<TeamScope, "platform" | "workspace">, userId: string, pointer: ActivePointer) =>
      store.set(keys.activeAssessment(team, userId), pointer, RESPONSE_TTL_MS),
  };
}

export type RoundRepo = ReturnType<typeof createRoundRepo>;

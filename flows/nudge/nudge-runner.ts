import { z } from "zod";
import type { Address, TeamScope } from "../../src/chat/address.js";
import type { Reply } from "../../src/chat/outbound.js";
import { type Clock, DeliveryError, type Logger, type Notifier } from "../../src/chat/ports.js";
import type { AssessmentModel } from "../../src/engine/model-schema.js";
import { MIN_REMINDER_GAP_MS, reminderGapMs } from "../../src/schedule/frequency.js";
import { nextDue, slotId } from "../../src/schedule/next-due.js";
import { type Keys, NUDGE_SENT_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { DAY_MS } from "../../src/time-units.js";
import { followUp, openActionLines } from "../actions/action-messages.js";
import { createActionRepo } from "../actions/action-repo.js";
import type { TeamAction } from "../actions/action-state.js";
import { assessStateSchema } from "../assess/assess-state.js";
import { channelAddress } from "../context.js";
import { invitationUpdate } from "../rounds/invitation-refresh.js";
import { createRoundRepo, isOpen } from "../rounds/round-repo.js";
import { historySchema } from "../rounds/round-state.js";
import { departureSchema } from "../workspaces/departures.js";
import { personReminder, teamReminder } from "./nudge-messages.js";
import {
  type DueItem,
  decodeDueItem,
  PERSON_REMINDER_DAYS,
  personReminderSlots,
  preferencesSchema,
  teamScheduleSchema,
} from "./nudge-state.js";
import type { Pacer } from "./pacer.js";

export interface NudgeRunnerDeps {
  store: Store;
  keys: Keys;
  model: AssessmentModel;
  clock: Clock;
  notifier: Notifier;
  pacer: Pacer;
  logger: Logger;
  /** How long a claim is exclusive; a replica that dies mid-send leaves the item to others after this. */
  leaseMs?: number;
  batchSize?: number;
}

export interface TickResult {
  claimed: number;
  sent: number;
  failed: number;
}

export const sentMarker = z.object({ sentAt: z.string() });

/** A departed workspace's reminders are held, and looked at again this often: a reinstall brings them back. */
export const DEPARTED_RECHECK_MS = 60 * 60_000;

/**
 * One scheduler tick, run every minute by every replica. Each due item is claimed atomically (one replica
 * gets it, for one lease), the send is idempotent per (team, slot) through a sent-marker, and the next due time
 * is computed from now, so a slot missed while all replicas were down is sent once, not dropped or repeated.
 */
export function createNudgeRunner(deps: NudgeRunnerDeps) {
  const { store, keys, clock, notifier, pacer, logger } = deps;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const batchSize = deps.batchSize ?? 200;
  const dueKey = keys.nudgesDue();
  const rounds = createRoundRepo(store, keys);
  const actions = createActionRepo(store, keys);

  const teamOf = (item: DueItem): TeamScope => ({ platform: item.p, workspace: item.w, channel: item.c });

  async function deliverOnce(
    team: TeamScope,
    slot: string,
    channel: string,
    send: () => Promise<void>,
    keepMs = NUDGE_SENT_TTL_MS,
  ) {
    const marker = keys.nudgeSent(team, slot);
    if (await store.get(marker, sentMarker)) return false;
    await pacer.send(channel, send);
    await store.set(marker, { sentAt: clock().toISOString() }, keepMs);
    return true;
  }

  async function runTeam(member: string, item: DueItem, now: Date): Promise<boolean> {
    const team = teamOf(item);
    const schedule = await store.get(keys.schedule(team), teamScheduleSchema);
    if (!schedule || schedule.paused || schedule.unreachable) {
      await store.unschedule(dueKey, member);
      return false;
    }
    const due = new Date(schedule.nextDueAt);
    if (due > now) {
      await store.schedule(dueKey, member, due.getTime());
      return false;
    }
    const last = (await store.get(keys.history(team), historySchema))?.at(-1);
    const open = await actions.open(team);
    const reply: Reply = teamReminder(deps.model, team.channel, last, openActionLines(open));
    let sent: boolean;
    try {
      // The marker guards its slot until the next one is due: a team's markers expire with their cadence.
      sent = await deliverOnce(
        team,
        slotId(due),
        `${team.platform}:${team.workspace}:${team.channel}`,
        () => notifier.deliver(schedule.address, reply),
        Math.max(reminderGapMs(schedule.cadence, due), MIN_REMINDER_GAP_MS),
      );
    } catch (error) {
      if (error instanceof DeliveryError && error.reason === "unreachable") {
        await store.update(keys.schedule(team), teamScheduleSchema, (s) =>
          s ? { ...s, unreachable: true } : undefined,
        );
        await store.unschedule(dueKey, member);
        logger.warn({ team, err: error }, "team unreachable: nudges stopped");
      }
      throw error;
    }
    await askOwners(team, slotId(due), schedule.address, open);
    const next = nextDue(schedule.cadence, now);
    await store.update(keys.schedule(team), teamScheduleSchema, (s) =>
      s ? { ...s, nextDueAt: next.toISOString(), lastSentSlot: slotId(due) } : undefined,
    );
    await store.schedule(dueKey, member, next.getTime());
    return sent;
  }

  /**
   * At the team's reminder, each open action's owner is asked once, privately, whether it happened. A failure
   * for one owner (they left, blocked the app) is logged and does not hold up the others or the next reminder.
   */
  async function askOwners(team: TeamScope, slot: string, address: Address, open: readonly TeamAction[]) {
    for (const action of open) {
      const owner = action.owner.id;
      await deliverOnce(team, `${slot}:action:${action.id}`, `${team.platform}:${team.workspace}:user:${owner}`, () =>
        notifier.deliver(address, followUp(action, team.channel), owner),
      ).catch((error: unknown) => logger.warn({ err: error, action: action.id }, "action follow-up not delivered"));
    }
  }

  async function runPerson(member: string, item: Extract<DueItem, { t: "person" }>, now: Date): Promise<boolean> {
    const team = teamOf(item);
    const state = await store.get(keys.response(team, item.r, item.u), assessStateSchema);
    // A closed round takes no more answers: reminding someone to finish it would only earn them a refusal.
    const round = state?.status === "in-progress" ? await rounds.latestRound(team) : undefined;
    if (!state || !round || round.id !== item.r || !isOpen(round, now)) {
      await store.unschedule(dueKey, member);
      return false;
    }
    const prefs = await store.get(keys.preferences(team, item.u), preferencesSchema);
    if (prefs?.snoozeUntil && new Date(prefs.snoozeUntil) > now) {
      await store.schedule(dueKey, member, new Date(prefs.snoozeUntil).getTime());
      return false;
    }
    const slots = personReminderSlots(item.r, item.u);
    const markers = await store.getMany(
      slots.map((s) => keys.nudgeSent(team, s)),
      sentMarker,
    );
    const index = markers.indexOf(undefined);
    const days = PERSON_REMINDER_DAYS[index];
    const slot = slots[index];
    if (days === undefined || slot === undefined) {
      await store.unschedule(dueKey, member);
      return false;
    }
    const due = new Date(state.updatedAt).getTime() + days * DAY_MS;
    if (due > now.getTime()) {
      await store.schedule(dueKey, member, due);
      return false;
    }
    const address = channelAddress(team, team.channel);
    const sent = await deliverOnce(team, slot, `${team.platform}:${team.workspace}:user:${item.u}`, () =>
      notifier.deliver(address, personReminder(state, index + 1), item.u),
    );
    const later = PERSON_REMINDER_DAYS[index + 1];
    if (later === undefined) await store.unschedule(dueKey, member);
    else await store.schedule(dueKey, member, new Date(state.updatedAt).getTime() + later * DAY_MS);
    return sent;
  }

  /**
   * A round invitation left behind by completions inside a refresh window. Unscheduled before reading who has
   * answered, so anyone finishing from here on schedules it again; a failed edit is retried after the lease.
   * Not a nudge: it never counts as sent.
   */
  async function runInvitation(member: string, item: Extract<DueItem, { t: "invitation" }>, now: Date) {
    await store.unschedule(dueKey, member);
    const team = teamOf(item);
    const round = await rounds.latestRound(team);
    if (!round || round.id !== item.r || round.personal) return false;
    const channel = channelAddress(team, team.channel);
    try {
      await notifier.deliver(channel, await invitationUpdate(rounds, channel, round, now));
    } catch (error) {
      await store.schedule(dueKey, member, now.getTime() + leaseMs);
      throw error;
    }
    return false;
  }

  function run(member: string, item: DueItem, now: Date): Promise<boolean> {
    switch (item.t) {
      case "team":
        return runTeam(member, item, now);
      case "person":
        return runPerson(member, item, now);
      case "invitation":
        return runInvitation(member, item, now);
    }
  }

  return {
    async tick(): Promise<TickResult> {
      const now = clock();
      const claimed = await store.claimDue(dueKey, now.getTime(), batchSize, leaseMs);
      const outcomes = await Promise.allSettled(
        claimed.map(async (member) => {
          const item = decodeDueItem(member);
          if (!item) {
            logger.warn({ member }, "dropping an unreadable due item");
            await store.unschedule(dueKey, member);
            return false;
          }
          if (await store.get(keys.departure({ platform: item.p, workspace: item.w }), departureSchema)) {
            await store.schedule(dueKey, member, now.getTime() + DEPARTED_RECHECK_MS);
            return false;
          }
          return run(member, item, now);
        }),
      );
      for (const o of outcomes)
        if (o.status === "rejected") logger.warn({ err: o.reason }, "nudge failed; retried after the lease");
      return {
        claimed: claimed.length,
        sent: outcomes.filter((o) => o.status === "fulfilled" && o.value).length,
        failed: outcomes.filter((o) => o.status === "rejected").length,
      };
    },
  };
}

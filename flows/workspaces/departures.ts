import { z } from "zod";
import type { Clock, Logger } from "../../src/chat/ports.js";
import type { Keys, WorkspaceScope } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { DAY_MS } from "../../src/time-units.js";

/** A workspace that uninstalled the app (keys.departure): reminders wait, its data goes at purgeAt. */
export const departureSchema = z.object({ departedAt: z.iso.datetime(), purgeAt: z.iso.datetime() });

const scopeSchema = z.object({ platform: z.enum(["slack", "teams", "terminal"]), workspace: z.string() });
const memberOf = (ws: WorkspaceScope) => JSON.stringify({ platform: ws.platform, workspace: ws.workspace });
const scopeOf = (member: string): WorkspaceScope | undefined => {
  try {
    return scopeSchema.parse(JSON.parse(member));
  } catch {
    return undefined;
  }
};
/** A purge claimed by a replica that then dies is claimed again after this long. */
const PURGE_LEASE_MS = 10 * 60_000;
const PURGE_BATCH = 20;

export interface Departures {
  /** The app was uninstalled: reminders stop now; the data is deleted after the retention window (0: now). */
  depart(ws: WorkspaceScope): Promise<void>;
  /** Installed again: a purge still pending is called off, and the workspace's data and reminders are back. */
  returned(ws: WorkspaceScope): Promise<boolean>;
  /** Delete the data of every departed workspace whose window has run out; returns how many were purged. */
  purgeDue(): Promise<number>;
}

/**
 * Uninstall and its data retention, platform-neutral: the adapter says who left or came back; this decides what
 * the app keeps and for how long. The nudge runner reads keys.departure and holds a departed workspace's reminders.
 */
export function createDepartures(deps: {
  store: Store;
  keys: Keys;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
}): Departures {
  const { store, keys, clock, logger } = deps;
  const due = keys.purgesDue();

  async function purge(ws: WorkspaceScope): Promise<void> {
    let deleted = 0;
    for (const prefix of keys.workspaceData(ws)) deleted += await store.deleteByPrefix(prefix);
    await store.delete(keys.departure(ws));
    await store.unschedule(due, memberOf(ws));
    logger.info({ ...ws, keys: deleted }, "departed workspace's data deleted");
  }

  return {
    async depart(ws) {
      if (deps.retentionDays === 0) return purge(ws);
      const now = clock();
      const purgeAt = new Date(now.getTime() + deps.retentionDays * DAY_MS);
      await store.set(keys.departure(ws), { departedAt: now.toISOString(), purgeAt: purgeAt.toISOString() });
      await store.schedule(due, memberOf(ws), purgeAt.getTime());
      logger.info(
        { ...ws, purgeAt: purgeAt.toISOString() },
        "workspace departed: reminders held, data kept until purgeAt",
      );
    },
    async returned(ws) {
      if (!(await store.get(keys.departure(ws), departureSchema))) return false;
      await store.unschedule(due, memberOf(ws));
      await store.delete(keys.departure(ws));
      logger.info({ ...ws }, "departed workspace is back inside its retention window: data and reminders kept");
      return true;
    },
    async purgeDue() {
      const claimed = await store.claimDue(due, clock().getTime(), PURGE_BATCH, PURGE_LEASE_MS);
      let purged = 0;
      for (const member of claimed) {
        const ws = scopeOf(member);
        if (!ws) {
          logger.warn({ member }, "dropping an unreadable purge item");
          await store.unschedule(due, member);
          continue;
        }
        // Reinstalled since it was scheduled: returned() already called it off, this is a stale claim.
        if (!(await store.get(keys.departure(ws), departureSchema))) {
          await store.unschedule(due, member);
          continue;
        }
        await purge(ws);
        purged++;
      }
      return purged;
    },
  };
}

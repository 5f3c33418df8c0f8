import { z } from "zod";
import type { ChatUser } from "../../src/chat/address.js";
import type { Clock, Logger } from "../../src/chat/ports.js";
import { ADMIN_FACT_TTL_MS, type Keys, PROFILE_CACHE_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import type { SlackApi } from "./slack-api.js";

/** What we remember about a person per workspace: their profile (time zone, admin) and their DM with the app. */
export const cachedProfile = z.object({
  info: z
    .object({
      timeZone: z.string().optional(),
      isAdmin: z.boolean(),
      name: z.string().optional(),
      /** When Slack said so: the admin flag is believed for ADMIN_FACT_TTL_MS only (absent on older entries). */
      checkedAt: z.number().optional(),
    })
    .optional(),
  dmChannel: z.string().optional(),
});
type CachedProfile = z.infer<typeof cachedProfile>;

/**
 * users.info is on the event path (after the ack), so a slow or rate-limited Slack must not hold up the answer:
 * past this budget the event goes on without a time zone, and the lookup still fills the cache for next time.
 */
const LOOKUP_BUDGET_MS = 1500;

export interface Profiles {
  /** The person with time zone and admin flag from their Slack profile (cached for a day; the flag for minutes). */
  resolve(workspace: string, user: ChatUser): Promise<ChatUser>;
  /** Their DM channel with the app, opened once and cached. */
  dmChannel(workspace: string, userId: string): Promise<string>;
}

export function createProfiles(deps: {
  store: Store;
  keys: Keys;
  apiFor: (workspace: string) => Promise<SlackApi>;
  logger: Logger;
  clock: Clock;
}): Profiles {
  const { store, keys, apiFor, logger, clock } = deps;
  const key = (workspace: string, userId: string) => keys.userProfile({ platform: "slack", workspace }, userId);
  const remember = (workspace: string, userId: string, patch: Partial<CachedProfile>) =>
    store.update(key(workspace, userId), cachedProfile, (current) => ({ ...current, ...patch }), PROFILE_CACHE_TTL_MS);

  async function lookup(workspace: string, userId: string): Promise<CachedProfile["info"]> {
    const info = { ...(await (await apiFor(workspace)).userInfo(userId)), checkedAt: clock().getTime() };
    await remember(workspace, userId, { info });
    return info;
  }

  return {
    async resolve(workspace, user) {
      // The profile is a nicety: when the store is down the event still reaches the bot, which tells the person.
      const cached = await store.get(key(workspace, user.id), cachedProfile).catch((error: unknown) => {
        logger.warn({ err: error, userId: user.id }, "slack profile cache unavailable");
        return undefined;
      });
      // Names and time zones keep for a day; whether someone is an admin only for minutes (a demotion must bite).
      const fresh = (checked: CachedProfile["info"]) =>
        checked?.checkedAt !== undefined && clock().getTime() - checked.checkedAt < ADMIN_FACT_TTL_MS;
      let info = cached?.info;
      if (!fresh(info)) {
        const pending = lookup(workspace, user.id).catch((error: unknown) => {
          logger.warn({ err: error, userId: user.id }, "slack profile lookup failed");
          return undefined;
        });
        info =
          (await Promise.race([
            pending,
            new Promise<undefined>((done) => setTimeout(() => done(undefined), LOOKUP_BUDGET_MS).unref()),
          ])) ?? info;
      }
      if (!info) return user;
      return {
        ...user,
        // The profile's display name reads better in a channel than the payload's handle ("jane.smith").
        ...(info.name || user.name ? { name: info.name ?? user.name } : {}),
        ...(info.timeZone ? { timeZone: info.timeZone } : {}),
        // Slack could not be asked in time: the cached name serves, a stale admin flag does not.
        isAdmin: fresh(info) && info.isAdmin,
      };
    },
    async dmChannel(workspace, userId) {
      const cached = await store.get(key(workspace, userId), cachedProfile);
      if (cached?.dmChannel) return cached.dmChannel;
      const channel = await (await apiFor(workspace)).openDm(userId);
      await remember(workspace, userId, { dmChannel: channel });
      return channel;
    },
  };
}

import { z } from "zod";
import type { ChatUser } from "../../src/chat/address.js";
import type { Logger } from "../../src/chat/ports.js";
import { type Keys, PROFILE_CACHE_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import type { SlackApi } from "./slack-api.js";

/** What we remember about a person per workspace: their profile (time zone, admin) and their DM with the app. */
export const cachedProfile = z.object({
  info: z.object({ timeZone: z.string().optional(), isAdmin: z.boolean(), name: z.string().optional() }).optional(),
  dmChannel: z.string().optional(),
});
type CachedProfile = z.infer<typeof cachedProfile>;

/**
 * users.info is on the event path (after the ack), so a slow or rate-limited Slack must not hold up the answer:
 * past this budget the event goes on without a time zone, and the lookup still fills the cache for next time.
 */
const LOOKUP_BUDGET_MS = 1500;

export interface Profiles {
  /** The person with time zone and admin flag from their Slack profile (cached for a day). */
  resolve(workspace: string, user: ChatUser): Promise<ChatUser>;
  /** Their DM channel with the app, opened once and cached. */
  dmChannel(workspace: string, userId: string): Promise<string>;
}

export function createProfiles(deps: {
  store: Store;
  keys: Keys;
  apiFor: (workspace: string) => Promise<SlackApi>;
  logger: Logger;
}): Profiles {
  const { store, keys, apiFor, logger } = deps;
  const key = (workspace: string, userId: string) => keys.userProfile({ platform: "slack", workspace }, userId);
  const remember = (workspace: string, userId: string, patch: Partial<CachedProfile>) =>
    store.update(key(workspace, userId), cachedProfile, (current) => ({ ...current, ...patch }), PROFILE_CACHE_TTL_MS);

  async function lookup(workspace: string, userId: string): Promise<CachedProfile["info"]> {
    const info = await (await apiFor(workspace)).userInfo(userId);
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
      let info = cached?.info;
      if (!info) {
        const pending = lookup(workspace, user.id).catch((error: unknown) => {
          logger.warn({ err: error, userId: user.id }, "slack profile lookup failed");
          return undefined;
        });
        info = await Promise.race([
          pending,
          new Promise<undefined>((done) => setTimeout(() => done(undefined), LOOKUP_BUDGET_MS).unref()),
        ]);
      }
      if (!info) return user;
      return {
        ...user,
        // The profile's display name reads better in a channel than the payload's handle ("jane.smith").
        ...(info.name || user.name ? { name: info.name ?? user.name } : {}),
        ...(info.timeZone ? { timeZone: info.timeZone } : {}),
        isAdmin: info.isAdmin,
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

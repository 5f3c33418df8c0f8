import { z } from "zod";
import type { Platform, TeamScope } from "../src/chat/address.js";
import type { Logger, Membership } from "../src/chat/ports.js";
import { type Keys, MEMBERSHIP_CACHE_TTL_MS } from "../src/store/keys.js";
import type { Store } from "../src/store/store.js";

/** Asks one platform whether a person is in one of its conversations. */
export type MembershipQuestion = (team: TeamScope, userId: string) => Promise<boolean>;

/** What is kept of a platform's answer (keys.membership). */
export const rememberedMembership = z.object({ member: z.boolean() });

/**
 * Channel membership for the flows, from whichever platform the channel is on, remembered for a few minutes (a join
 * click is not worth a platform call each time; someone who left is out within minutes). A platform that cannot be
 * asked confirms nobody, and that answer is not remembered.
 */
export function createMembership(deps: {
  store: Store;
  keys: Keys;
  logger: Logger;
  platforms: Partial<Record<Platform, MembershipQuestion>>;
}): Membership {
  const { store, keys, logger, platforms } = deps;
  return {
    async isMember(team, userId) {
      const ask = platforms[team.platform];
      if (!ask) return false;
      const key = keys.membership(team, userId);
      const known = await store.get(key, rememberedMembership);
      if (known) return known.member;
      try {
        const member = await ask(team, userId);
        await store.set(key, { member }, MEMBERSHIP_CACHE_TTL_MS);
        return member;
      } catch (error) {
        logger.warn({ err: error, platform: team.platform, userId }, "channel membership could not be checked");
        return false;
      }
    },
  };
}

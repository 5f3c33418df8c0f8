import type { Logger } from "../../src/chat/ports.js";
import { EVENT_DEDUPE_TTL_MS, type Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";

/**
 * The Bot Connector gives every activity an id, and a replayed activity (a retry, or a captured request sent again
 * while its token is valid, up to an hour) carries the same one: only its first delivery reaches the bot.
 */
export function createReplayCheck(deps: { store: Store; keys: Keys; logger: Logger }) {
  const { store, keys, logger } = deps;
  return async function firstDelivery(workspace: string, conversationId: string, activityId: string | undefined) {
    if (!activityId) return true;
    const id = `activity:${conversationId}:${activityId}`;
    try {
      const first = await store.setIfAbsent(
        keys.eventSeen({ platform: "teams", workspace }, id),
        1,
        EVENT_DEDUPE_TTL_MS,
      );
      if (!first) logger.info({ activityId, conversationId }, "duplicate teams activity ignored");
      return first;
    } catch (error) {
      // Without the store we cannot tell; answering twice beats not answering.
      logger.warn({ err: error, activityId }, "teams activity dedupe unavailable");
      return true;
    }
  };
}

export type FirstDelivery = ReturnType<typeof createReplayCheck>;

import { DeliveryError } from "../../src/chat/ports.js";

/** Slack allows about one message per second per channel; Teams throttles per conversation too. */
export const MIN_INTERVAL_MS = 1000;
const MAX_RATE_LIMIT_RETRIES = 3;

/**
 * Serialises sends per channel with a minimum gap, and honours Retry-After for that channel only, so one
 * rate-limited team never stalls the others. `sleep` is injectable for tests.
 */
export function createPacer(options: { sleep?: (ms: number) => Promise<void>; now?: () => number } = {}) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const tails = new Map<string, Promise<unknown>>();
  const lastSent = new Map<string, number>();

  async function paced<T>(channel: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const wait = (lastSent.get(channel) ?? Number.NEGATIVE_INFINITY) + MIN_INTERVAL_MS - now();
      if (wait > 0) await sleep(wait);
      try {
        const result = await send();
        lastSent.set(channel, now());
        return result;
      } catch (error) {
        if (!(error instanceof DeliveryError) || error.reason !== "rate-limited" || attempt >= MAX_RATE_LIMIT_RETRIES) {
          throw error;
        }
        await sleep(error.retryAfterMs ?? MIN_INTERVAL_MS);
      }
    }
  }

  return {
    send<T>(channel: string, send: () => Promise<T>): Promise<T> {
      const previous = tails.get(channel) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => paced(channel, send));
      tails.set(channel, next);
      // Forget idle channels so the map does not grow with every team ever nudged.
      next.finally(() => tails.get(channel) === next && tails.delete(channel)).catch(() => undefined);
      return next;
    },
  };
}
export type Pacer = ReturnType<typeof createPacer>;

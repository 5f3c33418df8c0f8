/**
 * The bot's work after an ack (flows, Redis, Web API calls) waits its turn here, a bounded number at a time.
 * Acks are cheap and Slack's 3-second budget applies only to them; without a bound, a burst of a thousand
 * commands interleaves a thousand follow-ups on the event loop and the last acks queue behind all of them.
 * With one, the burst is acknowledged first and the follow-ups drain at the same total throughput.
 */
export interface AfterAckQueue {
  run(work: () => Promise<void>): Promise<void>;
  /** Resolves when nothing runs or waits: shutdown waits for this before closing Redis. */
  idle(): Promise<void>;
}

export function createAfterAckQueue(concurrency: number): AfterAckQueue {
  let running = 0;
  const waiting: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];

  function release(): void {
    const next = waiting.shift();
    // Hand the slot straight to the next in line, so a newcomer cannot slip past the limit in between.
    if (next) {
      next();
      return;
    }
    running--;
    if (running === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  return {
    async run(work) {
      if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        await work();
      } finally {
        release();
      }
    },
    idle: () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}

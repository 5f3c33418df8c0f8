/**
 * The bot's work after an ack (flows, Redis, Web API calls) waits its turn here, a bounded number at a time.
 * Acks are cheap and Slack's 3-second budget applies only to them; without a bound, a burst of a thousand
 * commands interleaves a thousand follow-ups on the event loop and the last acks queue behind all of them.
 * With one, the burst is acknowledged first and the follow-ups drain at the same total throughput.
 *
 * While many requests still wait for their ack (a burst), new work is held back as well, up to `maxHoldMs`: the
 * follow-ups already running keep the event loop busy enough to push the last acks of a burst towards Slack's
 * limit, and a reply that comes a few hundred milliseconds later costs nobody anything. Below the threshold
 * (any steady load) nothing is held.
 */
export interface AfterAckQueue {
  /**
   * Run `work` when its turn comes. Work with the same `key` (one person) runs one at a time, in arrival order:
   * a quick second click is acknowledged at once, but handled after the first, so the two neither race for the
   * person's state in Redis nor deliver their replies out of order (the older question shown last).
   */
  run(work: () => Promise<void>, key?: string): Promise<void>;
  /** Called when fewer acks are pending: held work may start now. */
  wake(): void;
  /** Resolves when nothing runs or waits: shutdown waits for this before closing Redis. */
  idle(): Promise<void>;
}

export interface AfterAckQueueOptions {
  concurrency: number;
  /** Requests received and not yet acknowledged. */
  pendingAcks?: () => number;
  /** From this many pending acks on, new work waits (default: never). */
  holdFrom?: number;
  /** Work never waits longer than this for acks (default 500 ms), so a long overload cannot starve it. */
  maxHoldMs?: number;
}

interface Waiting {
  start: () => void;
  since: number;
}

export function createAfterAckQueue(options: AfterAckQueueOptions): AfterAckQueue {
  const { concurrency, pendingAcks = () => 0, holdFrom = Number.POSITIVE_INFINITY, maxHoldMs = 500 } = options;
  let running = 0;
  const waiting: Waiting[] = [];
  let idleWaiters: Array<() => void> = [];
  let holdTimer: NodeJS.Timeout | undefined;

  function held(head: Waiting): boolean {
    return pendingAcks() >= holdFrom && performance.now() - head.since < maxHoldMs;
  }

  function pump(): void {
    for (let head = waiting[0]; head && running < concurrency && !held(head); head = waiting[0]) {
      waiting.shift();
      running++;
      head.start();
    }
    const head = waiting[0];
    if (head && running < concurrency && !holdTimer) {
      // Held: try again when the oldest has waited long enough, unless an ack wakes the queue first.
      holdTimer = setTimeout(
        () => {
          holdTimer = undefined;
          pump();
        },
        Math.max(0, maxHoldMs - (performance.now() - head.since)),
      );
    }
    if (running === 0 && waiting.length === 0 && chained === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  async function runNow(work: () => Promise<void>): Promise<void> {
    await new Promise<void>((start) => {
      waiting.push({ start, since: performance.now() });
      pump();
    });
    try {
      await work();
    } finally {
      running--;
      pump();
    }
  }

  /** The last work queued per key: the next one with that key starts after it settles. */
  const lastOf = new Map<string, Promise<void>>();
  /** Work chained behind another of its key, not yet in `waiting`: idle() must wait for it too. */
  let chained = 0;

  function runAfter(key: string, work: () => Promise<void>): Promise<void> {
    const before = lastOf.get(key);
    if (before) chained++;
    const mine = (before ?? Promise.resolve()).then(() => {
      if (before) chained--;
      return runNow(work);
    });
    const settled = mine.catch(() => undefined);
    lastOf.set(key, settled);
    void settled.then(() => {
      if (lastOf.get(key) === settled) lastOf.delete(key);
    });
    return mine;
  }

  return {
    run: (work, key) => (key === undefined ? runNow(work) : runAfter(key, work)),
    wake: pump,
    idle: () =>
      running === 0 && waiting.length === 0 && chained === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}

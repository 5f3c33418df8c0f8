/**
 * The bot's work after an ack (replies: rendering, Web API calls) waits its turn here, a bounded number at a time.
 * Slack's 3-second budget applies only to the acks; without a bound, a burst of a thousand commands interleaves a
 * thousand follow-ups on the event loop and the last acks queue behind all of them. With one, the follow-ups drain
 * at the same total throughput while the acks go out. The same queue without a bound orders the work before the
 * ack (the durable write) per person.
 */
export interface AfterAckQueue {
  /**
   * Run `work` when its turn comes. Work with the same `key` (one person) runs one at a time, in arrival order:
   * a quick second click is acknowledged at once, but handled after the first, so the two neither race for the
   * person's state in Redis nor deliver their replies out of order (the older question shown last).
   */
  run(work: () => Promise<void>, key?: string): Promise<void>;
  /** Resolves when nothing runs or waits: shutdown waits for this before closing Redis. */
  idle(): Promise<void>;
}

export interface AfterAckQueueOptions {
  /** At most this many run at once (Infinity: no bound, only the order per key). */
  concurrency: number;
  /**
   * Start each piece of work only after the event loop has read what already arrived (setImmediate runs after
   * the poll for I/O): requests waiting for their ack are taken in before a reply is rendered, instead of waiting
   * behind every reply whose ack went out just before them.
   */
  afterPendingIo?: boolean;
}

const pendingIoRead = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createAfterAckQueue(options: AfterAckQueueOptions): AfterAckQueue {
  const { concurrency, afterPendingIo = false } = options;
  let running = 0;
  const waiting: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];

  function pump(): void {
    while (running < concurrency && waiting.length > 0) {
      running++;
      waiting.shift()?.();
    }
    if (running === 0 && waiting.length === 0 && chained === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  async function runNow(work: () => Promise<void>): Promise<void> {
    await new Promise<void>((start) => {
      waiting.push(start);
      pump();
    });
    try {
      if (afterPendingIo) await pendingIoRead();
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
    idle: () =>
      running === 0 && waiting.length === 0 && chained === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}

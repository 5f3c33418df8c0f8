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
  run(work: () => Promise<void>): Promise<void>;
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
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  return {
    async run(work) {
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
    },
    wake: pump,
    idle: () =>
      running === 0 && waiting.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}

import type { Redis } from "ioredis";
import { createNudgeRunner } from "../flows/nudge/nudge-runner.js";
import { createPacer } from "../flows/nudge/pacer.js";
import { createScheduleRepo } from "../flows/nudge/schedule-repo.js";
import type { Notifier } from "../src/chat/ports.js";
import { defaultModel } from "../src/engine/default-model/index.js";
import type { Cadence } from "../src/schedule/cadence.js";
import { createKeys } from "../src/store/keys.js";
import { createRedisClient } from "../src/store/redis-client.js";
import { createRedisStore } from "../src/store/redis-store.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * 10,000 teams due in the same minute; three scheduler instances (own Redis connections) tick until every
 * nudge is claimed and handed to the notifier (queued for sending). Returns seconds and duplicates.
 */
export async function nudgeFanOut(redisUrl: string, prefix: string, teams: number) {
  const due = new Date("2026-11-24T09:00:00.000Z");
  const now = () => new Date(due.getTime() + 30_000);
  const keys = createKeys(prefix);
  const clients: Redis[] = [];
  const seen = new Map<string, number>();
  const notifier: Notifier = {
    deliver: async (address) => {
      seen.set(address.channel, (seen.get(address.channel) ?? 0) + 1);
    },
  };
  const instances = [0, 1, 2].map(() => {
    const client = createRedisClient({ url: redisUrl }) as Redis;
    clients.push(client);
    const store = createRedisStore(client);
    return {
      schedules: createScheduleRepo(store, keys),
      runner: createNudgeRunner({
        store,
        keys,
        model: defaultModel,
        clock: now,
        notifier,
        pacer: createPacer(),
        logger: quiet,
        batchSize: 500,
      }),
    };
  });
  const cadence: Cadence = { kind: "weekly", weekday: 2, time: "10:00", timeZone: "Europe/Berlin" };
  const setup = instances[0];
  for (let i = 0; i < teams; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, teams - i) }, (_, k) => {
        const team = { platform: "slack" as const, workspace: "TBENCH", channel: `C${i + k}` };
        return setup?.schedules.save(team, {
          cadence,
          address: { ...team, isDirect: false },
          nextDueAt: due.toISOString(),
          paused: false,
          unreachable: false,
        });
      }),
    );
  }
  const started = process.hrtime.bigint();
  while (seen.size < teams) {
    const results = await Promise.all(instances.map((x) => x.runner.tick()));
    if (results.every((r) => r.claimed === 0) && seen.size < teams) throw new Error(`stuck at ${seen.size}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(clients.map((c) => c.quit()));
  return { seconds, sent: seen.size, duplicates: [...seen.values()].filter((n) => n > 1).length };
}

import type { Cluster, Redis } from "ioredis";
import { expect } from "vitest";
import { createNudgeRunner } from "../../flows/nudge/nudge-runner.js";
import { createPacer } from "../../flows/nudge/pacer.js";
import { createScheduleRepo } from "../../flows/nudge/schedule-repo.js";
import type { Address } from "../../src/chat/address.js";
import type { Notifier } from "../../src/chat/ports.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import type { Cadence } from "../../src/schedule/cadence.js";
import { nextDue } from "../../src/schedule/next-due.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { quietLogger } from "../flows/harness.js";

/**
 * Three nudge runners (replicas) sharing one Redis deployment, each with its own client from `connect`: the same
 * scenario runs on a single Redis (test/nudge/replicas.test.ts) and on a Redis Cluster (test/topologies).
 */
const CADENCES: Cadence[] = [
  { kind: "weekly", weekday: 1, time: "09:00", timeZone: "Europe/Berlin" },
  { kind: "biweekly", weekday: 3, time: "14:30", timeZone: "America/New_York" },
  { kind: "monthly", day: 31, time: "10:00", timeZone: "Australia/Sydney" },
  { kind: "weekly", weekday: 5, time: "02:30", timeZone: "Europe/Berlin" },
  { kind: "cron", expression: "0 9 * * 2", timeZone: "UTC" },
];

export function replica(connect: () => Redis | Cluster, notifier: Notifier, now: () => Date, keyPrefix: string) {
  const store = createRedisStore(connect());
  const keys = createKeys(keyPrefix);
  // Pacing is real logic but the simulated clock jumps 15 minutes per tick, so no real waiting is needed.
  const pacer = createPacer({ sleep: async () => {}, now: () => now().getTime() });
  const runner = createNudgeRunner({
    store,
    keys,
    model: defaultModel,
    clock: now,
    notifier,
    pacer,
    logger: quietLogger,
    leaseMs: 5 * 60_000,
  });
  return { runner, schedules: createScheduleRepo(store, keys) };
}

/**
 * A simulated quarter of 15-minute ticks by three replicas at once, one of which dies during its first send:
 * every due nudge of `teams` is sent exactly once, within two ticks of its due time.
 */
export async function quarterOnThreeReplicas(
  connect: () => Redis | Cluster,
  keyPrefix: string,
  teams: { platform: "slack"; workspace: string; channel: string }[],
): Promise<void> {
  let now = new Date("2026-10-01T00:00:00Z");
  const clock = () => new Date(now);
  const sent: { channel: string; at: string }[] = [];
  const recorder: Notifier = {
    async deliver(address: Address) {
      sent.push({ channel: address.channel, at: now.toISOString() });
    },
  };
  let dead = false;
  // Replica B dies during its first send: the promise never settles and it never ticks again.
  const dying: Notifier = {
    deliver() {
      dead = true;
      return new Promise<void>(() => {});
    },
  };
  const replicas = [recorder, dying, recorder].map((notifier) => replica(connect, notifier, clock, keyPrefix));
  const start = new Date(now);
  for (const [i, team] of teams.entries()) {
    const cadence = CADENCES[i % CADENCES.length] as Cadence;
    const address = { ...team, isDirect: false };
    await replicas[0]?.schedules.save(team, {
      cadence,
      address,
      nextDueAt: nextDue(cadence, start).toISOString(),
      paused: false,
      unreachable: false,
    });
  }

  const end = new Date(process.env.NUDGE_SIM_END ?? "2027-01-01T00:00:00Z").getTime();
  const STEP = 15 * 60_000;
  for (; now.getTime() < end; now = new Date(now.getTime() + STEP)) {
    // All three tick at once; who asks first rotates, as it would across real machines.
    const first = Math.floor(now.getTime() / STEP) % replicas.length;
    const order = replicas.map((_, i) => (first + i) % replicas.length);
    await Promise.all(
      order.map((i) => {
        if (i !== 1) return replicas[i]?.runner.tick();
        // B's tick is not awaited: once B is "dead" its send hangs forever, like a killed process.
        if (!dead) void replicas[1]?.runner.tick().catch(() => undefined);
        return undefined;
      }),
    );
  }

  // What should have been sent: every due time of every team in the quarter.
  const expected = teams.flatMap((team, i) => {
    const cadence = CADENCES[i % CADENCES.length] as Cadence;
    const dues: string[] = [];
    for (let d = nextDue(cadence, start); d.getTime() < end - STEP; d = nextDue(cadence, d))
      dues.push(`${team.channel}@${d.toISOString()}`);
    return dues;
  });
  expect(dead).toBe(true);
  expect(sent.length).toBe(expected.length);
  // Each nudge lands in the first tick at or after its due time (or one lease later for the one B dropped).
  const perTeam = new Map<string, number>();
  for (const s of sent) perTeam.set(s.channel, (perTeam.get(s.channel) ?? 0) + 1);
  for (const [i, team] of teams.entries()) {
    const cadence = CADENCES[i % CADENCES.length] as Cadence;
    const count = expected.filter((e) => e.startsWith(`${team.channel}@`)).length;
    expect(perTeam.get(team.channel) ?? 0, `${team.channel} ${cadence.kind}`).toBe(count);
    // One send per due slot, each within two ticks of its due time (a lease covers the dead replica's one).
    const dues = expected.filter((e) => e.startsWith(`${team.channel}@`)).map((e) => Date.parse(e.split("@")[1] ?? ""));
    const times = sent.filter((x) => x.channel === team.channel).map((x) => Date.parse(x.at));
    times.forEach((t, k) => {
      expect(t).toBeGreaterThanOrEqual(dues[k] ?? 0);
      expect(t - (dues[k] ?? 0)).toBeLessThanOrEqual(2 * STEP);
    });
  }
  console.log(`nudges expected ${expected.length}, sent ${sent.length}, duplicates 0, replica killed mid-send: yes`);
}

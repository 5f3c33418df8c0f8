import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { Notifier } from "../../src/chat/ports.js";
import type { Cadence } from "../../src/schedule/cadence.js";
import { nextDue } from "../../src/schedule/next-due.js";
import { createRedisClient } from "../../src/store/redis-client.js";
import { REDIS_URL, redisTestScope, uniquePrefix } from "../store/redis-helpers.js";
import { quarterOnThreeReplicas, replica } from "./quarter-on-replicas.js";

const prefix = uniquePrefix("nudge");
const downPrefix = uniquePrefix("nudge-down");
const { clients } = redisTestScope(prefix, downPrefix);
/** A client of each replica's own, closed with the file's scope. */
const connectClient = () => {
  const client = createRedisClient({ url: REDIS_URL }) as Redis;
  clients.push(client);
  return client;
};

describe("nudges with three replicas on one Redis", () => {
  it("sends every due nudge exactly once over a simulated quarter, also when a replica dies mid-send", async () => {
    const teams = Array.from({ length: 20 }, (_, i) => ({
      platform: "slack" as const,
      workspace: "T1",
      channel: `C${i}`,
    }));
    await quarterOnThreeReplicas(connectClient, prefix, teams);
  }, 120_000);

  it("sends a slot missed while every replica was down once on start-up, not a burst", async () => {
    let now = new Date("2027-02-01T08:00:00Z");
    const clock = () => new Date(now);
    const sent: string[] = [];
    const notifier: Notifier = { deliver: async (a) => void sent.push(a.channel) };
    const r = replica(connectClient, notifier, clock, downPrefix);
    const team = { platform: "slack" as const, workspace: "T9", channel: "C-down" };
    const cadence: Cadence = { kind: "weekly", weekday: 1, time: "09:00", timeZone: "UTC" };
    await r.schedules.save(team, {
      cadence,
      address: { ...team, isDirect: false },
      nextDueAt: nextDue(cadence, now).toISOString(),
      paused: false,
      unreachable: false,
    });
    // Everything is down for three weeks (three slots missed); then one replica starts.
    now = new Date("2027-02-22T12:00:00Z");
    await r.runner.tick();
    await r.runner.tick();
    expect(sent).toEqual(["C-down"]);
    const schedule = await r.schedules.get(team);
    expect(schedule?.nextDueAt).toBe("2027-03-01T09:00:00.000Z");
  });
});

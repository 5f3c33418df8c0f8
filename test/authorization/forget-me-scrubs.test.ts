import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingLogger } from "../fakes/recording-logger.js";
import { type AuthWorld, startAuthWorld } from "./auth-world.js";

/**
 * Issue 18, rule 9: forget-me scrubs the person's id and name everywhere, the round they opened and the schedule
 * they set included (both outlive any answer); debug logs carry ids, never whole profiles (users.info replies hold
 * names, time zones and admin flags).
 */
const ANN = "U0ANNFORGET";
const ANN_NAME = "Ann Forgettable";
const logger = { ...recordingLogger(), isLevelEnabled: () => true };

let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "forget", logger });
  world.slack.api.users.set(ANN, { name: ANN_NAME, tz: "Pacific/Chatham" });
});
afterAll(() => world?.close());

/** Every key and value under the app's prefix that names the person. */
async function traces(): Promise<string[]> {
  const keys = await world.redis.keys(`${world.prefix}:*`);
  const found: string[] = [];
  for (const key of keys) {
    const type = await world.redis.type(key);
    const value =
      type === "string"
        ? await world.redis.get(key)
        : type === "set"
          ? (await world.redis.smembers(key)).join(" ")
          : type === "zset"
            ? (await world.redis.zrange(key, 0, -1)).join(" ")
            : "";
    if (`${key} ${value}`.includes(ANN) || `${key} ${value}`.includes(ANN_NAME)) found.push(key);
  }
  return found;
}

describe("forget-me", () => {
  it("leaves no key or value naming the person: answers, the round they opened, the schedule they set", async () => {
    await world.slackCommand(ANN, "");
    const dm = await world.slack.dmOf(ANN);
    expect(dm).toBeTruthy();
    // Their name is now on the round (its opener), their answers, the due reminder check and the schedule.
    await world.slackCommand(ANN, "schedule monthly 1 09:00 UTC");
    expect((await traces()).length).toBeGreaterThan(3);

    const mark = world.mark();
    await world.slackCommand(ANN, "forget-me confirm");
    expect(world.heardSince(mark)).toContain("Done: your answers in 1 round are deleted");
    expect(await traces()).toEqual([]);
  });

  it("wrote no users.info reply into the debug logs, only ids", () => {
    const lines = logger.lines.map((l) => JSON.stringify(l));
    expect(lines.some((l) => l.includes("users.info"))).toBe(true);
    expect(lines.filter((l) => l.includes(ANN_NAME) || l.includes("Pacific/Chatham"))).toEqual([]);
  });
});

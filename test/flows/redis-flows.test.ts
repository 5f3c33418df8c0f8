import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SummaryMessage } from "../../src/chat/outbound.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from "../store/redis-helpers.js";
import { channel, createTranscript, messages, option, questionIn } from "./harness.js";

const prefix = uniquePrefix("flows");
let admin: Redis;
let client: Redis;

beforeAll(async () => {
  admin = await connectRedis();
  client = createRedisClient({ url: REDIS_URL }) as Redis;
});
afterAll(async () => {
  await deleteKeys(admin, prefix);
  await client.quit();
  await admin.quit();
});

describe("flows on real Redis", () => {
  it("keeps every answer when 50 people answer at once in one team", async () => {
    const t = createTranscript(createRedisStore(client), { prefix });
    const people = Array.from({ length: 50 }, (_, i) => `user${i}`);
    const firsts = await Promise.all(people.map((p) => t.say(p, "")));
    // Everyone answers all 8 questions concurrently (each person's clicks in order, people interleaved).
    const finals = await Promise.all(
      people.map(async (person, i) => {
        let replies = firsts[i] ?? [];
        for (let q = 0; q < 8; q++) replies = await t.click(person, option(questionIn(replies), (i % 5) + 1));
        return replies;
      }),
    );
    expect(finals.every((r) => messages(r, "summary").length === 1)).toBe(true);
    const summary = messages(await t.say("user0", "summary"), "summary")[0] as SummaryMessage;
    expect(summary.participation).toEqual({ completed: 50, inProgress: 0 });
    // 10 people per option 1..5: the lower median is level 2 everywhere, spread 0-4.
    expect(summary.dimensions.every((d) => d.level === 2 && d.spread?.min === 0 && d.spread?.max === 4)).toBe(true);
  });

  it("costs at most 3 Redis round trips per answer and under 2 KB per conversation in progress", async () => {
    const store = createRedisStore(client);
    const t = createTranscript(store, { prefix });
    let replies = await t.say("counter", "deep", channel("C2"));
    for (let i = 0; i < 20; i++) replies = await t.click("counter", option(questionIn(replies), 1));

    const sent: string[] = [];
    const original = client.sendCommand.bind(client);
    client.sendCommand = (command, stream) => {
      sent.push(command.name);
      return original(command, stream);
    };
    replies = await t.click("counter", option(questionIn(replies), 2));
    client.sendCommand = original;
    expect(questionIn(replies).progress.index).toBe(22);
    expect(sent.filter((name) => name !== "script").length).toBeLessThanOrEqual(3);

    // Half-way through the deep questionnaire (the biggest state there is before completion).
    for (let i = 0; i < 5; i++) replies = await t.click("counter", option(questionIn(replies), 1));
    const keys = createKeys(prefix);
    const team = { platform: "slack" as const, workspace: "T1", channel: "C2" };
    const round = JSON.parse((await admin.get(keys.openRound(team))) ?? "{}") as { id: string };
    const bytes = await admin.strlen(keys.response(team, round.id, "counter"));
    console.log(`round trips per answer: ${sent.filter((n) => n !== "script").length}; bytes in progress: ${bytes}`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(2048);
  });
});

import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { type LiveApp, startLiveApp } from "./live-app.js";
import { type OwnRedis, startOwnRedis } from "./own-redis.js";
import {
  audit,
  expectedTeam,
  levelsShown,
  optionValue,
  QUICK,
  roundIdOf,
  storedStates,
  summaryIn,
} from "./round-audit.js";
import { dmOf, option, progressOf, slackPeople, textOf, until } from "./slack-people.js";

/**
 * Redis crashes in the middle of a round and comes back with its append-only file, as production's would
 * (docker-compose.yml: appendonly yes, appendfsync everysec). The app is not restarted: it must notice, tell people
 * to try again without missing Slack's 3-second ack, reconnect by itself, and lose nothing it had confirmed.
 */
const PREFIX = "rel-restart";
const keys = createKeys(PREFIX);
const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
const PEOPLE = ["U0OPENER", "U0ANA", "U0BEN", "U0CEM", "U0DIA", "U0EVA"];
/** Everyone answers differently, so a summary computed from the wrong answers would show. */
const pick = (person: number) => (question: number) => ((person + question) % 5) + 1;
const BEFORE_OUTAGE = 3;

let redis: OwnRedis;
let live: LiveApp;
let admin: Redis;

beforeAll(async () => {
  redis = await startOwnRedis();
  live = await startLiveApp(redis.url, PREFIX);
});
afterAll(async () => {
  admin?.disconnect();
  await live?.close();
  await redis?.stop();
});

describe("Redis restarted in the middle of a round", () => {
  it("acks and asks to retry during the outage, then resumes with every confirmed answer kept", async () => {
    const { api } = live;
    const slack = slackPeople(api, () => live.slackUrl);
    const acknowledged = new Map(PEOPLE.map((p) => [p, new Map<string, string>()]));
    const answerOne = async (i: number) => {
      const person = PEOPLE[i] ?? "";
      const at = progressOf(slack.screen(person))?.index ?? 0;
      await slack.answer(person, pick(i));
      acknowledged.get(person)?.set(QUICK[at - 1]?.id ?? "", optionValue(at, pick(i)(at)));
    };

    const invitation = await slack.openRound(PEOPLE[0] ?? "", PEOPLE.slice(1));
    await Promise.all(
      PEOPLE.map(async (_, i) => {
        for (let q = 0; q < BEFORE_OUTAGE; q++) await answerOne(i);
      }),
    );

    await redis.crash();
    const outageStart = api.calls().length;
    const acks = await Promise.all([
      ...PEOPLE.map((p, i) => slack.click(p, slack.screen(p)!, option(pick(i)(BEFORE_OUTAGE + 1)))),
      slack.command(PEOPLE[0] ?? "", "status"),
    ]);
    await until(
      () =>
        api.calls("chat.postEphemeral").filter((c) => /try again in a moment/.test(textOf([c]))).length >= acks.length,
      "a try-again notice for every request during the outage",
    );
    const duringOutage = api.calls().slice(outageStart);
    // Nobody's question moved on, nothing else was sent: just the notices.
    expect(duringOutage.map((c) => c.method).filter((m) => m !== "chat.postEphemeral" && m !== "users.info")).toEqual(
      [],
    );
    expect(PEOPLE.every((p) => progressOf(slack.screen(p))?.index === BEFORE_OUTAGE + 1)).toBe(true);

    await redis.restart();
    await expect.poll(async () => (await fetch(`${live.origin}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    admin = new Redis(redis.url);
    const afterRestart = await audit(admin, keys, team, roundIdOf(invitation), acknowledged);
    expect(afterRestart.lost).toBe(0);

    // Each person clicks the very button that failed (it is still on their screen), then carries on to the end.
    await Promise.all(
      PEOPLE.map(async (_, i) => {
        for (let q = BEFORE_OUTAGE; q < QUICK.length; q++) await answerOne(i);
      }),
    );
    const before = api.calls().length;
    await slack.command(PEOPLE[0] ?? "", "summary");
    await until(() => summaryIn(api.calls(), CHANNEL, before) !== undefined, "the summary and its thread");
    const shown = summaryIn(api.calls(), CHANNEL, before);

    const final = await audit(admin, keys, team, roundIdOf(invitation), acknowledged);
    const states = await storedStates(admin, keys, team, roundIdOf(invitation));
    const ackMs = Math.max(...acks.map((a) => a.ms));
    console.log(
      `[reliability] redis restart: faults injected 1 crash + ${acks.length} requests during the outage (max ack ${Math.round(ackMs)} ms, ` +
        `${acks.length} told to try again); answers acknowledged ${[...acknowledged.values()].reduce((n, a) => n + a.size, 0)}; ` +
        `answers lost ${afterRestart.lost + final.lost}; duplicates ${final.duplicates}`,
    );
    expect(acks.every((a) => a.status === 200)).toBe(true);
    expect(ackMs).toBeLessThan(3000);
    expect(final).toEqual({ lost: 0, duplicates: 0 });
    expect([...states.values()].every((s) => s.status === "completed")).toBe(true);
    expect(JSON.stringify(shown?.details.body.blocks)).toContain(`${PEOPLE.length} completed · 0 in progress`);
    expect(levelsShown(shown?.summary)).toEqual(expectedTeam(acknowledged.values()));
    const inDm = api.calls("chat.postMessage").filter((c) => c.body.channel === dmOf(PEOPLE[1] ?? ""));
    expect(inDm.filter((c) => !api.inThread(c)).length).toBe(1);
  });
});

import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import {
  buttonsOf,
  cardOf,
  personalChatOf,
  startTeamsHarness,
  TEST_USER,
  type TeamsHarness,
} from "../adapters/teams/harness.js";
import { type LiveApp, startLiveApp } from "./live-app.js";
import { type OwnRedis, startOwnRedis } from "./own-redis.js";
import { audit, optionValue, QUICK, roundIdOf } from "./round-audit.js";
import { option, progressOf, slackPeople, textOf, until } from "./slack-people.js";

/**
 * Redis is reachable but will not take a write: out of memory under `noeviction` (writes refused at once) or
 * paused for writes (what a failover or a long script looks like: commands hang). A click is only acknowledged
 * with the person told to try again, in well under Slack's 3 s, and no answer is shown as taken that Redis does
 * not hold. Teams messages and card invokes the same.
 */
const PREFIX = "rel-refuse";
const keys = createKeys(PREFIX);
const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
const PEOPLE = ["U0WOPEN", "U0WANA", "U0WBEN", "U0WCEM"];
const pick = (person: number) => (question: number) => ((person + question) % 5) + 1;
/** What the bot says when its storage is out of reach: the answer was not taken, and nothing earlier is lost. */
const TRY_AGAIN = /try again in a moment/i;

let redis: OwnRedis;
let live: LiveApp;
let admin: Redis;
let teams: TeamsHarness;

beforeAll(async () => {
  redis = await startOwnRedis();
  live = await startLiveApp(redis.url, PREFIX);
  admin = new Redis(redis.url);
  teams = await startTeamsHarness({ bot: live.app.bot, store: live.app.store, keys });
});
afterAll(async () => {
  await teams?.close();
  admin?.disconnect();
  await live?.close();
  await redis?.stop();
});

/** Out of memory with `noeviction`: Redis answers every write with an OOM error, reads still work. */
async function refuseWrites(): Promise<() => Promise<void>> {
  await admin.config("SET", "maxmemory-policy", "noeviction");
  await admin.config("SET", "maxmemory", "1");
  return async () => {
    await admin.config("SET", "maxmemory", "0");
  };
}

describe("Redis that cannot take the write", () => {
  it("Slack: every click is acked fast with a try-again, none shown as taken unless kept, then all go on", async () => {
    const slack = slackPeople(live.api, () => live.slackUrl);
    const invitation = await slack.openRound(PEOPLE[0] ?? "", PEOPLE.slice(1));
    const acked = new Map(PEOPLE.map((p) => [p, new Map<string, string>()]));
    const click = (i: number) => {
      const person = PEOPLE[i] ?? "";
      return slack.click(person, slack.screen(person)!, option(pick(i)(1)));
    };

    for (const outage of ["out of memory", "paused for writes"] as const) {
      const before = live.api.calls().length;
      const restore =
        outage === "out of memory"
          ? await refuseWrites()
          : await admin.call("CLIENT", "PAUSE", "2500", "WRITE").then(() => async () => {});
      const acks = await Promise.all(PEOPLE.map((_, i) => click(i)));
      await until(
        () =>
          live.api
            .calls()
            .slice(before)
            .filter((c) => TRY_AGAIN.test(textOf([c]))).length >= PEOPLE.length,
        `a try-again notice for everybody (${outage})`,
      );
      await restore();
      console.log(
        `[reliability] redis ${outage}: ${acks.length} clicks, acks ${acks.map((a) => `${a.status} in ${Math.round(a.ms)} ms`).join(", ")}`,
      );
      expect(acks.every((a) => a.status === 200 && a.ms < 2000)).toBe(true);
      // Nobody was shown the next question: the try-again is all they got.
      expect(PEOPLE.every((p) => progressOf(slack.screen(p))?.index === 1)).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 2600)); // the pause has ended

    // The same buttons again: now taken, and each person is at question 2 with their one answer.
    await Promise.all(PEOPLE.map((p, i) => slack.answer(p, pick(i))));
    PEOPLE.forEach((p, i) => {
      acked.get(p)?.set(QUICK[0]?.id ?? "", optionValue(1, pick(i)(1)));
    });
    expect(await audit(admin, keys, team, roundIdOf(invitation), acked)).toEqual({ lost: 0, duplicates: 0 });
  }, 30_000);

  it("Teams: a message and a card invoke are answered fast with a try-again while writes are refused", async () => {
    const chat = personalChatOf(TEST_USER);
    const started = await teams.directMessage("start");
    expect(started.status).toBe(200);
    const question = teams.connector.calls(chat).at(-1);
    const answer = buttonsOf(cardOf(question)).find((b) => b.action?.a === "answer");
    if (!answer) throw new Error(`no answer button in ${JSON.stringify(question?.body)}`);

    const restore = await refuseWrites();
    const before = teams.connector.calls().length;
    const t0 = performance.now();
    const invoked = await teams.invoke(answer.data, { conversationId: chat });
    const invokeMs = performance.now() - t0;
    const t1 = performance.now();
    const message = await teams.directMessage("start");
    const messageMs = performance.now() - t1;
    await restore();
    const said =
      JSON.stringify(invoked.json) +
      JSON.stringify(
        teams.connector
          .calls()
          .slice(before)
          .map((c) => c.body),
      );
    console.log(
      `[reliability] redis out of memory, Teams: invoke ${Math.round(invokeMs)} ms, message ${Math.round(messageMs)} ms`,
    );
    expect(invoked.status).toBe(200);
    expect(message.status).toBe(200);
    expect(invokeMs).toBeLessThan(2000);
    expect(messageMs).toBeLessThan(2000);
    expect(said.match(/try again in a moment/gi)?.length ?? 0).toBeGreaterThanOrEqual(2);
    // Nothing was taken: the card still asks question 1.
    expect(JSON.stringify(invoked.json)).not.toContain("2/8");
  }, 30_000);
});

import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import { createKeys } from "../../src/store/keys.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { quietLogger } from "../flows/harness.js";
import { liveEnv } from "../reliability/live-app.js";
import {
  audit,
  expectedTeam,
  levelsShown,
  optionValue,
  QUICK,
  roundIdOf,
  summaryIn,
} from "../reliability/round-audit.js";
import { advancedFrom, option, progressOf, slackPeople, until } from "../reliability/slack-people.js";
import { type RedisSentinelSet, startRedisSentinel } from "./redis-topologies.js";

/**
 * A master, its replica and a Sentinel on loopback; the app finds the master through Sentinel. People are in the
 * middle of a round when the master is killed (SIGKILL, as a crashed host) and Sentinel promotes the replica.
 * Whatever a person was shown as recorded (the next question reached Slack) must be in the new master.
 */
const PREFIX = "sentinel";
const keys = createKeys(PREFIX);
const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
const PEOPLE = Array.from({ length: 12 }, (_, i) => `U0SENT${String(i).padStart(2, "0")}`);
const pick = (person: number) => (question: number) => ((person + question) % 5) + 1;
/** A person whose click was not answered with the next question within this long clicks again. */
const RETRY_AFTER_MS = 1500;

let sentinel: RedisSentinelSet;
let api: FakeSlackApi;
let app: RunningApp;
let origin: string;

beforeAll(async () => {
  sentinel = await startRedisSentinel();
  api = await startFakeSlackApi();
  const sentinels = sentinel.sentinels.map((s) => `${s.host}:${s.port}`).join(",");
  app = await createApp({
    config: readConfig({
      ...liveEnv("", PREFIX, api.apiUrl),
      REDIS_SENTINELS: sentinels,
      REDIS_SENTINEL_NAME: sentinel.name,
    }),
    logger: quietLogger,
    cron: false,
  });
  origin = await app.listen(0, "127.0.0.1");
}, 60_000);
afterAll(async () => {
  await app?.close().catch(() => undefined);
  await api?.close();
  await sentinel?.stop();
});

/** Milliseconds from the kill until Sentinel names the replica as master, and until the app's /readyz says 200. */
async function watchFailover(killedAt: number): Promise<{ promoted: number; appReady: number }> {
  let promoted = 0;
  let appReady = 0;
  for (const deadline = Date.now() + 30_000; (!promoted || !appReady) && Date.now() < deadline; ) {
    if (!promoted && (await sentinel.currentMaster().catch(() => 0)) === sentinel.replicaPort) {
      promoted = Date.now() - killedAt;
    }
    if (!appReady && promoted && (await fetch(`${origin}/readyz`)).status === 200) appReady = Date.now() - killedAt;
    await new Promise((r) => setTimeout(r, 25));
  }
  return { promoted, appReady };
}

describe("Redis Sentinel failover in the middle of a round", () => {
  it("loses none of the answers people were shown as recorded", async () => {
    const slack = slackPeople(api, () => `${origin}/slack/events`);
    const acknowledged = new Map(PEOPLE.map((p) => [p, new Map<string, string>()]));
    let clicks = 0;
    let repeated = 0;
    let firstAckAfterKill: number | undefined;
    let killedAt: number | undefined;

    /** Answer every question, clicking again (as people do) when the next question does not come. */
    const answerAll = async (i: number) => {
      const person = PEOPLE[i] ?? "";
      for (;;) {
        const shown = slack.screen(person);
        const at = progressOf(shown)?.index;
        if (!shown || at === undefined) return;
        clicks++;
        const clickedAfterKill = killedAt !== undefined;
        const ack = await slack.click(person, shown, option(pick(i)(at)));
        expect(ack.status).toBe(200);
        const moved = await until(() => advancedFrom(slack.screen(person), at), "", RETRY_AFTER_MS).then(
          () => true,
          () => false,
        );
        if (!moved) {
          repeated++;
          continue;
        }
        acknowledged.get(person)?.set(QUICK[at - 1]?.id ?? "", optionValue(at, pick(i)(at)));
        // The first answer written after the kill: the app is writing to the promoted replica.
        if (clickedAfterKill && killedAt !== undefined) firstAckAfterKill ??= Date.now() - killedAt;
      }
    };

    const invitation = await slack.openRound(PEOPLE[0] ?? "", PEOPLE.slice(1));
    const answering = Promise.all(PEOPLE.map((_, i) => answerAll(i)));
    // Kill the master while the clicks are flowing: some are between their write and its replication.
    await until(() => [...acknowledged.values()].reduce((n, a) => n + a.size, 0) >= 20, "answers before the kill");
    killedAt = Date.now();
    await sentinel.killMaster();
    const failover = await watchFailover(killedAt);
    await answering;

    const before = api.calls().length;
    await slack.command(PEOPLE[0] ?? "", "summary");
    await until(() => summaryIn(api.calls(), CHANNEL, before) !== undefined, "the summary and its thread");
    const shown = summaryIn(api.calls(), CHANNEL, before);

    const newMaster = new Redis({ host: "127.0.0.1", port: sentinel.replicaPort });
    const result = await audit(newMaster, keys, team, roundIdOf(invitation), acknowledged).finally(() =>
      newMaster.disconnect(),
    );
    const answers = [...acknowledged.values()].reduce((n, a) => n + a.size, 0);
    console.log(
      `[sentinel] master killed mid-round: Sentinel promoted the replica after ${failover.promoted} ms, the app ` +
        `was ready on it after ${failover.appReady} ms, the first answer clicked after the kill was recorded ` +
        `${firstAckAfterKill} ms after it; ${clicks} clicks (${repeated} ` +
        `repeated by people who got no next question); answers acknowledged ${answers}; answers lost ${result.lost}; ` +
        `duplicates ${result.duplicates}`,
    );
    expect(failover.promoted).toBeGreaterThan(0);
    expect(failover.appReady).toBeGreaterThan(0);
    expect(answers).toBe(PEOPLE.length * QUICK.length);
    expect(result).toEqual({ lost: 0, duplicates: 0 });
    expect(JSON.stringify(shown?.details.body.blocks)).toContain(`${PEOPLE.length} completed · 0 in progress`);
    expect(levelsShown(shown?.summary)).toEqual(expectedTeam(acknowledged.values()));
  }, 120_000);
});

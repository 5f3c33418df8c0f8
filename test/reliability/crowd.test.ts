import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { REDIS_URL, redisTestScope, uniquePrefix } from "../store/redis-helpers.js";
import { type LiveApp, startLiveApp } from "./live-app.js";
import { audit, expectedTeam, levelsShown, optionValue, QUICK, roundIdOf, summaryIn } from "./round-audit.js";
import { progressOf, slackPeople, until } from "./slack-people.js";

/**
 * test/flows/redis-flows.test.ts has 50 people answer at once through the flows; here they do it over signed HTTP
 * into the whole app, so Bolt, the profile cache, the Web API calls and Redis all take the load together.
 */
const prefix = uniquePrefix("rel-crowd");
const keys = createKeys(prefix);
const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
const scope = redisTestScope(prefix);
const PEOPLE = Array.from({ length: 50 }, (_, i) => `U0CROWD${String(i).padStart(2, "0")}`);

let live: LiveApp;
beforeAll(async () => {
  live = await startLiveApp(REDIS_URL, prefix);
});
afterAll(async () => {
  await live.close();
});

describe("50 people answering at once in one team, over HTTP", () => {
  it("keeps every answer and sums them up correctly", async () => {
    const slack = slackPeople(live.api, () => live.slackUrl);
    const invitation = await slack.openRound(PEOPLE[0] ?? "", PEOPLE.slice(1));
    const acknowledged = new Map(PEOPLE.map((p) => [p, new Map<string, string>()]));
    const started = performance.now();
    const slowest: number[] = [];
    await Promise.all(
      PEOPLE.map(async (person, i) => {
        const pick = (question: number) => ((i + question) % 5) + 1;
        for (let q = 1; q <= QUICK.length; q++) {
          const at = performance.now();
          await slack.answer(person, pick);
          slowest.push(performance.now() - at);
          acknowledged.get(person)?.set(QUICK[q - 1]?.id ?? "", optionValue(q, pick(q)));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const before = live.api.calls().length;
    await slack.command(PEOPLE[0] ?? "", "summary");
    await until(() => summaryIn(live.api.calls(), CHANNEL, before) !== undefined, "the summary and its thread");
    const shown = summaryIn(live.api.calls(), CHANNEL, before);
    const result = await audit(scope.admin, keys, team, roundIdOf(invitation), acknowledged);
    const answers = PEOPLE.length * QUICK.length;
    console.log(
      `[reliability] 50 at once over HTTP: faults injected 0 (load: ${answers} clicks in ${seconds.toFixed(1)} s, ` +
        `slowest click to next question ${Math.round(Math.max(...slowest))} ms); answers acknowledged ${answers}; ` +
        `answers lost ${result.lost}; duplicates ${result.duplicates}`,
    );
    expect(result).toEqual({ lost: 0, duplicates: 0 });
    expect(PEOPLE.every((p) => progressOf(slack.screen(p)) === undefined)).toBe(true);
    expect(JSON.stringify(shown?.details.body.blocks)).toContain(`${PEOPLE.length} completed · 0 in progress`);
    expect(levelsShown(shown?.summary)).toEqual(expectedTeam(acknowledged.values()));
  });
});

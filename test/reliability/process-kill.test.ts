import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import type { PostResult } from "../fakes/slack-signing.js";
import { REDIS_URL, redisTestScope, uniquePrefix } from "../store/redis-helpers.js";
import { appWithReplacements, type ReplacedApp } from "./app-process.js";
import { liveEnv } from "./live-app.js";
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
import { advancedFrom, isResult, option, progressOf, slackPeople, until } from "./slack-people.js";

/**
 * The app process is SIGKILLed while clicks are in flight, at three moments of a click's life: before any was
 * acknowledged, as soon as the first confirmation (the next question) reached Slack, and on the last question as
 * soon as the first HTTP ack came back. A replacement process (started beforehand, as an orchestrator would) takes
 * over; people whose question did not move on click the same button again or type `resume`.
 */
const prefix = uniquePrefix("rel-kill");
const keys = createKeys(prefix);
const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
const scope = redisTestScope(prefix);
const PEOPLE = ["U0KOPEN", "U0KANA", "U0KBEN", "U0KCEM", "U0KDIA", "U0KEVA", "U0KFIN", "U0KGUS"];
const pick = (person: number) => (question: number) => ((person + question) % 5) + 1;

type Moment = "at once" | "first confirmation" | "first ack";
const KILLS = new Map<number, Moment>([
  [2, "at once"],
  [5, "first confirmation"],
  [8, "first ack"],
]);

let api: FakeSlackApi;
/** One replacement per kill. */
let app: ReplacedApp;

beforeAll(async () => {
  api = await startFakeSlackApi();
  app = await appWithReplacements(liveEnv(REDIS_URL, prefix, api.apiUrl), KILLS.size);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await api?.close();
});

/** Poll tightly: a click lives for a few milliseconds in the app. */
async function when(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 1));
}

describe("the app process killed between a click and its write", () => {
  it("loses no acknowledged answer and lets people finish with exactly one answer per question", async () => {
    const slack = slackPeople(api, () => `${app.current().origin}/slack/events`);
    const acknowledged = new Map(PEOPLE.map((p) => [p, new Map<string, string>()]));
    const confirm = (i: number, q: number) =>
      acknowledged.get(PEOPLE[i] ?? "")?.set(QUICK[q - 1]?.id ?? "", optionValue(q, pick(i)(q)));
    const invitation = await slack.openRound(PEOPLE[0] ?? "", PEOPLE.slice(1));
    const tally = { inFlight: 0, confirmed: 0, writtenUnconfirmed: 0, notWritten: 0, ackedNotWritten: 0 };
    let lostAtKills = 0;
    let resumed = 0;

    for (let q = 1; q <= QUICK.length; q++) {
      const moment = KILLS.get(q);
      if (!moment) {
        await Promise.all(PEOPLE.map((p, i) => slack.answer(p, pick(i)).then(() => confirm(i, q))));
        continue;
      }
      const shown = PEOPLE.map((p) => slack.screen(p));
      const acks: (PostResult | undefined)[] = PEOPLE.map(() => undefined);
      const clicks = PEOPLE.map((p, i) =>
        slack.click(p, shown[i]!, option(pick(i)(q))).then(
          (ack) => {
            acks[i] = ack;
          },
          () => undefined, // the connection died with the process: Slack would show the person an error
        ),
      );
      const confirmed = () => PEOPLE.filter((p) => advancedFrom(slack.screen(p), q)).length;
      if (moment === "first confirmation") await when(() => confirmed() > 0);
      if (moment === "first ack") await when(() => acks.some(Boolean));
      await app.killAndReplace();
      await Promise.all(clicks);

      // Every answer whose next question (or result) reached Slack must be in Redis.
      const states = await storedStates(scope.admin, keys, team, roundIdOf(invitation));
      PEOPLE.forEach((p, i) => {
        const written = states.get(p)?.answers[QUICK[q - 1]?.id ?? ""] === optionValue(q, pick(i)(q));
        if (advancedFrom(slack.screen(p), q)) {
          confirm(i, q);
          tally.confirmed++;
          if (!written) lostAtKills++;
          return;
        }
        tally.inFlight++;
        if (written) tally.writtenUnconfirmed++;
        else tally.notWritten++;
        if (!written && acks[i]?.status === 200) tally.ackedNotWritten++;
      });
      lostAtKills += (await audit(scope.admin, keys, team, roundIdOf(invitation), acknowledged)).lost;

      // Whoever did not see their next question: the even ones click the same button again, the odd ones resume.
      await Promise.all(
        PEOPLE.map(async (p, i) => {
          const before = slack.screen(p);
          if (advancedFrom(before, q)) return;
          if (i % 2 === 0) {
            await slack.click(p, before!, option(pick(i)(q)));
          } else {
            resumed++;
            await slack.command(p, "resume");
            await until(() => slack.screen(p) !== before, `${p}'s resumed question`);
            if (!advancedFrom(slack.screen(p), q)) await slack.click(p, slack.screen(p)!, option(pick(i)(q)));
          }
          await until(() => advancedFrom(slack.screen(p), q), `${p} past question ${q} after the restart`);
          confirm(i, q);
        }),
      );
    }

    const before = api.calls().length;
    await slack.command(PEOPLE[0] ?? "", "summary");
    await until(() => summaryIn(api.calls(), CHANNEL, before) !== undefined, "the summary and its thread");
    const shown = summaryIn(api.calls(), CHANNEL, before);
    const final = await audit(scope.admin, keys, team, roundIdOf(invitation), acknowledged);
    const states = await storedStates(scope.admin, keys, team, roundIdOf(invitation));
    const answers = [...acknowledged.values()].reduce((n, a) => n + a.size, 0);
    console.log(
      `[reliability] process SIGKILL: faults injected ${KILLS.size} kills (${[...KILLS.values()].join(", ")}) with ` +
        `${tally.confirmed + tally.inFlight} clicks in flight: ${tally.confirmed} confirmed before the kill, ` +
        `${tally.writtenUnconfirmed} written but unconfirmed, ${tally.notWritten} not written ` +
        `(${tally.ackedNotWritten} of them HTTP-acked); ${resumed} resumed, the others clicked again; ` +
        `answers acknowledged ${answers}; answers lost ${lostAtKills + final.lost}; duplicates ${final.duplicates}`,
    );
    expect(lostAtKills).toBe(0);
    expect(final).toEqual({ lost: 0, duplicates: 0 });
    expect(answers).toBe(PEOPLE.length * QUICK.length);
    expect([...states.values()].every((s) => s.status === "completed")).toBe(true);
    expect(PEOPLE.every((p) => isResult(slack.screen(p)))).toBe(true);
    expect(tally.inFlight).toBeGreaterThan(0);
    const inChannel = api.calls("chat.postMessage").filter((c) => c.body.channel === CHANNEL && !api.inThread(c));
    expect(inChannel.filter((c) => !isResult(c))).toHaveLength(1);
    expect(JSON.stringify(shown?.details.body.blocks)).toContain(`${PEOPLE.length} completed · 0 in progress`);
    expect(levelsShown(shown?.summary)).toEqual(expectedTeam(acknowledged.values()));
    expect(progressOf(slack.screen(PEOPLE[0] ?? ""))).toBeUndefined();
  }, 60_000);
});

import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessStateSchema } from "../../flows/assess/assess-state.js";
import { createNudgeRunner } from "../../flows/nudge/nudge-runner.js";
import { createPacer } from "../../flows/nudge/pacer.js";
import { historySchema } from "../../flows/rounds/round-state.js";
import { type ButtonAction, decodeAction } from "../../src/chat/actions.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { DAY_MS } from "../../src/time-units.js";
import { buttonsIn } from "../adapters/slack/harness.js";
import { personalChat } from "../adapters/teams/app-harness.js";
import { buttonsOf } from "../adapters/teams/harness.js";
import { quietLogger } from "../flows/harness.js";
import { REDIS_URL } from "../store/redis-helpers.js";
import {
  type AuthWorld,
  roundIn,
  SLACK_CHANNEL,
  slackJoin,
  startAuthWorld,
  TEAM,
  TEAMS_CHANNEL,
  teamsJoin,
} from "./auth-world.js";

/**
 * Issue 18, rule 3: every answer, back, skip and resume checks that its round is still open. A late click is told
 * "this round closed on <date>" (and whether their answers count: only finished ones do) and changes nothing; the closed round's summary,
 * history and forget-me's re-aggregation count exactly the answers that were in at close.
 */
const LATE = "This round closed on 23 Nov 2026: you had not finished, so your answers are not counted.";

let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "closed" });
});
afterAll(() => world?.close());

/** The buttons of the question a Slack user sees last in their DM. */
async function slackQuestion(user: string): Promise<ButtonAction[]> {
  const dm = await world.slack.dmOf(user);
  const shown = world.slack.latestIn(dm);
  return buttonsIn(shown as NonNullable<typeof shown>).flatMap((b) => decodeAction(b.value) ?? []);
}

function teamsQuestion(who: string): ButtonAction[] {
  const card = world.connector.calls(personalChat(who)).findLast((c) => buttonsOf(c.body).length > 0);
  return buttonsOf(card?.body).flatMap((b) => (b.action ? [b.action] : []));
}

describe("Slack: a closed round takes no more answers", () => {
  it("refuses a late answer, back, skip and resume with the close date, and changes nothing", async () => {
    await world.slackCommand("U0ANN", "");
    await world.slackClick("U0BOB", slackJoin(world), SLACK_CHANNEL);
    // Bob answers one question, then the opener finishes and closes the round.
    const first = (await slackQuestion("U0BOB")).find((a) => a.a === "answer");
    await world.slackClick("U0BOB", first as ButtonAction, await world.slack.dmOf("U0BOB"));
    await world.slack.answerEverything("U0ANN", 3);
    await world.slackCommand("U0ANN", "close");
    expect((await roundIn(world, "slack", SLACK_CHANNEL)).closedAt).toBeDefined();

    const late = await slackQuestion("U0BOB");
    const dm = await world.slack.dmOf("U0BOB");
    const clicks = [
      late.find((a) => a.a === "answer"),
      late.find((a) => a.a === "back"),
      late.find((a) => a.a === "skip"),
    ];
    expect(clicks.every((c) => c !== undefined)).toBe(true);
    const before = await world.snapshot();
    for (const click of clicks) {
      const mark = world.mark();
      await world.slackClick("U0BOB", click as ButtonAction, dm);
      expect(world.heardSince(mark), click?.a).toContain(LATE);
    }
    const mark = world.mark();
    await world.slackCommand("U0BOB", "resume");
    expect(world.heardSince(mark)).toContain(LATE);
    const evidence = world.mark();
    await world.slackCommand("U0BOB", "evidence https://ci.example.com/late");
    expect(world.heardSince(evidence)).toContain(LATE);
    expect(await world.snapshot()).toEqual(before);
  });

  it("counts only the answers in at close, in the summary and in forget-me's re-aggregation", async () => {
    // A click that raced the close finished Bob's assessment a second after it: stored, but not "in at close".
    const keys = createKeys(world.prefix);
    const team = { platform: "slack" as const, workspace: TEAM, channel: SLACK_CHANNEL };
    const round = await roundIn(world, "slack", SLACK_CHANNEL);
    const key = keys.response(team, round.id, "U0BOB");
    const bob = assessStateSchema.parse(JSON.parse((await world.redis.get(key)) ?? "{}"));
    const after = new Date(Date.parse(round.closedAt ?? "") + 1000).toISOString();
    await world.redis.set(key, JSON.stringify({ ...bob, status: "completed", completedAt: after, updatedAt: after }));

    const status = world.mark();
    await world.slackCommand("U0CARL", "status");
    expect(world.heardSince(status)).toContain("Completed: 1 · in progress: 1");
    // Ann (the one answer in at close) asks to be forgotten: the round is left with no answers, not with Bob's.
    await world.slackCommand("U0ANN", "forget-me confirm");
    const history = historySchema.parse(JSON.parse((await world.redis.get(keys.history(team))) ?? "[]"));
    expect(history.find((h) => h.roundId === round.id)).toMatchObject({ respondents: 0 });
    expect(history.find((h) => h.roundId === round.id)?.snapshot).toBeUndefined();
  });
});

describe("Teams: a closed round takes no more answers", () => {
  it("refuses a late answer from the personal chat and changes nothing", async () => {
    expect((await world.teamsSay("erin", "start")).status).toBe(200);
    await world.settle();
    await world.teamsClick("frank", teamsJoin(world), TEAMS_CHANNEL);
    const first = teamsQuestion("frank").find((a) => a.a === "answer");
    expect(first).toBeDefined();
    expect((await world.teamsSay("erin", "close")).status).toBe(200);
    await world.settle();

    const before = await world.snapshot();
    const mark = world.mark();
    const answered = await world.teamsClick("frank", first as ButtonAction, personalChat("frank"));
    expect(JSON.stringify(answered) + world.heardSince(mark)).toContain(LATE);
    expect(await world.snapshot()).toEqual(before);
  });
});

describe("reminders about a closed round", () => {
  // Last: the runner's tick leaves leases behind that would show in the other tests' snapshots.
  it("are not sent: Frank, who had not finished when Erin closed the round, hears nothing two days later", async () => {
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const sent: Array<string | undefined> = [];
    const runner = createNudgeRunner({
      store: createRedisStore(client),
      keys: createKeys(world.prefix),
      model: defaultModel,
      clock: () => new Date(Date.parse("2026-11-23T09:00:00.000Z") + 2 * DAY_MS),
      logger: quietLogger,
      pacer: createPacer({ sleep: async () => {} }),
      notifier: { deliver: async (_address, _reply, userId) => void sent.push(userId) },
    });
    await runner.tick();
    await client.quit();
    expect(sent).not.toContain("29:frank");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { type AuthWorld, roundIn, SLACK_CHANNEL, slackJoin, startAuthWorld, TEAM } from "./auth-world.js";

/**
 * Issue 18, rule 5: privacy changes of any kind, the floor included, apply to rounds opened after them and are
 * announced. Lowering the floor to 1 while two people's confidential round runs must not show the spread of their
 * answers (which would tell each what the other answered); the round keeps the floor it opened with.
 */
const SPREAD_HIDDEN = "The spread of answers shows once 3 people have answered";
const DISAGREEMENT = "Answers differ by two levels or more";

let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "privacy" });
});
afterAll(() => world?.close());

describe("privacy changes wait for the next round", () => {
  it("announces a lowered floor and keeps the running round's floor, in the summary and in Redis", async () => {
    await world.slackCommand("U0ANN", "");
    await world.slackClick("U0BOB", slackJoin(world), SLACK_CHANNEL);
    await world.slack.answerEverything("U0ANN", 1);
    await world.slack.answerEverything("U0BOB", 5);
    const roundKey = createKeys(world.prefix).openRound({ platform: "slack", workspace: TEAM, channel: SLACK_CHANNEL });
    const round = await world.redis.get(roundKey);
    expect(JSON.parse(round ?? "{}")).toMatchObject({ minRespondents: 3 });

    let mark = world.mark();
    await world.slackCommand("U0ANN", "privacy min 1");
    const announced = world.heardSince(mark);
    expect(announced).toContain("set the privacy floor: the spread of answers shows from 1 respondents");
    expect(announced).toContain("a round already running keeps the floor it opened with");
    expect(await world.redis.get(roundKey)).toBe(round);

    mark = world.mark();
    await world.slackCommand("U0CARL", "summary");
    const summary = world.heardSince(mark);
    expect(summary).toContain("#support-agent-dev · as of ");
    expect(summary).toContain(SPREAD_HIDDEN);
    expect(summary).not.toContain(DISAGREEMENT);
  });

  it("applies the new floor to the next round", async () => {
    await world.slackCommand("U0ANN", "close");
    await world.slackCommand("U0ANN", "");
    expect(await roundIn(world, "slack", SLACK_CHANNEL)).toMatchObject({ minRespondents: 1 });
  });

  it("says a mode change applies to rounds opened from now on, in Teams too", async () => {
    const mark = world.mark();
    expect((await world.teamsSay("erin", "privacy attributed")).status).toBe(200);
    await world.settle(mark);
    expect(world.heardSince(mark)).toContain("It applies to rounds opened from now on");
  });
});

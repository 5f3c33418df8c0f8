import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { personalChat } from "../adapters/teams/app-harness.js";
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
 * Issue 18, rule 2: a join counts only from the round's own channel (the click's container or conversation), or
 * when the platform confirms the person is a member of it (Slack conversations.members, the Teams roster). Anyone
 * else who got hold of the button value (a forwarded invitation, a forged click) is refused privately, and nothing
 * the app keeps changes: they are not a respondent, not listed as answering, their links reach no summary.
 */
const REFUSAL = "That invitation is for a channel you are not in, so I did not add you to its round.";
const FIRST_QUESTION = /Question 1 of|1\/\d+|Question 1/;

let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "joins" });
  await world.slackCommand("U0ANN", "");
  expect((await world.teamsSay("erin", "start")).status).toBe(200);
  await world.settle();
});
afterAll(() => world?.close());

describe("Slack: joins bound to the round's channel", () => {
  it("refuses a join clicked in someone's DM or in another channel, and changes nothing", async () => {
    const join = slackJoin(world);
    for (const from of ["D0OUTSIDER", "C0ELSEWHERE"]) {
      const before = await world.snapshot();
      const mark = world.mark();
      await world.slackClick("U0OUTSIDER", join, from);
      expect(world.heardSince(mark), from).toContain(REFUSAL);
      expect(await world.snapshot(), from).toEqual(before);
    }
    // Slack was asked whether the outsider is in the channel (they are not), and the answer is remembered.
    const asked = world.slack.api.calls("conversations.members").filter((c) => c.body.channel === SLACK_CHANNEL);
    expect(asked).toHaveLength(1);
  });

  it("refuses a join value that names another channel and round than the one it was clicked in", async () => {
    const join = slackJoin(world);
    const before = await world.snapshot();
    const mark = world.mark();
    await world.slackClick("U0OUTSIDER2", { ...join, c: SLACK_CHANNEL }, "C0OTHERTEAM");
    expect(world.heardSince(mark)).toContain(REFUSAL);
    expect(await world.snapshot()).toEqual(before);
  });

  it("lets a member join from the channel, and from their DM when Slack lists them in the channel", async () => {
    world.slack.api.members.set(SLACK_CHANNEL, ["U0ANN", "U0MEMBER"]);
    const join = slackJoin(world);
    const mark = world.mark();
    await world.slackClick("U0INSIDE", join, SLACK_CHANNEL);
    await world.slackClick("U0MEMBER", join, "D0MEMBER");
    const heard = world.heardSince(mark);
    expect(heard).not.toContain(REFUSAL);
    const round = await roundIn(world, "slack", SLACK_CHANNEL);
    const respondents = await world.redis.smembers(
      createKeys(world.prefix).respondents({ platform: "slack", workspace: TEAM, channel: SLACK_CHANNEL }, round.id),
    );
    expect(respondents.sort()).toEqual(["U0ANN", "U0INSIDE", "U0MEMBER"]);
    expect(heard).toMatch(FIRST_QUESTION);
  });
});

describe("Teams: joins bound to the round's conversation", () => {
  it("refuses a join sent from a personal chat or another channel by someone not on the roster, changing nothing", async () => {
    const join = teamsJoin(world);
    for (const from of [personalChat("outsider"), "19:elsewhere@thread.tacv2"]) {
      const before = await world.snapshot();
      const mark = world.mark();
      await world.teamsClick("outsider", join, from);
      expect(world.heardSince(mark), from).toContain(REFUSAL);
      expect(await world.snapshot(), from).toEqual(before);
    }
    expect(world.connector.rosterCalls()).toEqual([{ conversationId: TEAMS_CHANNEL, userId: "29:outsider" }]);
  });

  it("lets someone on the channel's roster join from their personal chat", async () => {
    world.connector.members.set(TEAMS_CHANNEL, ["29:erin", "29:member"]);
    const mark = world.mark();
    await world.teamsClick("member", teamsJoin(world), personalChat("member"));
    expect(world.heardSince(mark)).not.toContain(REFUSAL);
    expect(world.heardSince(mark)).toMatch(FIRST_QUESTION);
  });
});

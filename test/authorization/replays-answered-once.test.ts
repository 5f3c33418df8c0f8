import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandFields } from "../adapters/slack/harness.js";
import { nextActivityId, teamsPerson } from "../adapters/teams/app-harness.js";
import { recorded } from "../adapters/teams/harness.js";
import { formBody } from "../fakes/slack-signing.js";
import { type AuthWorld, SLACK_CHANNEL, startAuthWorld } from "./auth-world.js";

/**
 * Issue 18, rule 8: a request already handled within the signature window is answered once. A captured, signed
 * slash command sent again (the same body: Slack's signature still checks out for five minutes) runs once; the
 * same Teams activity id delivered again runs once. Typing the same words again is a new command, and runs.
 */
let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "replays" });
});
afterAll(() => world?.close());

const replies = (world: AuthWorld, mark: ReturnType<AuthWorld["mark"]>, text: string) =>
  world.messagesSince(mark, text);

describe("Slack: a replayed slash command", () => {
  it("runs once however many times the same signed body arrives, and changes nothing the second time", async () => {
    const body = formBody({
      ...commandFields(world.slack.api),
      channel_id: SLACK_CHANNEL,
      user_id: "U0ANN",
      user_name: "ann",
      text: "target 3",
    });
    let mark = world.mark();
    expect((await world.slack.sign(body)).status).toBe(200);
    await world.settle(mark);
    expect(replies(world, mark, "Target set to Level 3")).toBe(1);

    const before = await world.snapshot();
    mark = world.mark();
    for (let i = 0; i < 3; i++) expect((await world.slack.sign(body)).status).toBe(200);
    await world.settle(mark);
    expect(replies(world, mark, "Target set to Level 3")).toBe(0);
    expect(await world.snapshot()).toEqual(before);

    // The same words typed again are a new invocation (a new trigger_id): it runs.
    mark = world.mark();
    await world.slackCommand("U0ANN", "target 3");
    expect(replies(world, mark, "Target set to Level 3")).toBe(1);
  });
});

describe("Teams: a replayed activity", () => {
  it("runs once for one activity id, however many times it is delivered", async () => {
    const mention = recorded("vercel-chat_channel_teams.json", "mention");
    const activity = {
      ...mention,
      serviceUrl: world.connector.serviceUrl,
      from: teamsPerson("erin"),
      text: "<at>MLOps Assess</at> target 2",
      id: nextActivityId("replayed"),
    };
    const post = () =>
      fetch(`${world.slack.origin}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity),
      });
    let mark = world.mark();
    expect((await post()).status).toBe(200);
    await world.settle(mark);
    expect(replies(world, mark, "Target set to Level 2")).toBe(1);
    const before = await world.snapshot();
    mark = world.mark();
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
    await world.settle(mark);
    expect(replies(world, mark, "Target set to Level 2")).toBe(0);
    expect(await world.snapshot()).toEqual(before);
  });
});

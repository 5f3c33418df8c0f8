import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { commandFields } from "../adapters/slack/harness.js";
import { formBody } from "../fakes/slack-signing.js";
import { type AuthWorld, startAuthWorld, TEAM } from "./auth-world.js";

/**
 * Issue 18, rule 7: a personal assessment is kept under its person, never under the conversation it was started
 * in. A DM between two people (the bot is no member) is one conversation for two people: the second one's `summary`
 * there must not show the first one's answers, and team commands there say it is not a team.
 */
const SHARED_DM = "D0ANNBOB";

let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "personal" });
});
afterAll(() => world?.close());

describe("Slack: a DM between two people", () => {
  it("keeps the first person's assessment under them, not under the DM", async () => {
    await world.slackCommand("U0ANN", "", SHARED_DM);
    await world.slack.answerEverything("U0ANN", 4);
    // The result's details follow it in a thread: the next test's snapshot starts once they are in.
    await world.settle();
    const keys = createKeys(world.prefix);
    const scope = (channel: string) => ({ platform: "slack" as const, workspace: TEAM, channel });
    expect(await world.redis.get(keys.openRound(scope("personal:U0ANN")))).not.toBeNull();
    expect(await world.redis.get(keys.openRound(scope(SHARED_DM)))).toBeNull();
  });

  it("shows the second person nothing of the first's, and says team commands do not belong there", async () => {
    const before = await world.snapshot();
    let mark = world.mark();
    await world.slackCommand("U0BOB", "summary", SHARED_DM);
    const summary = world.heardSince(mark);
    expect(summary).toContain("This is a direct conversation, not a team's channel");
    expect(summary).not.toContain("Your MLOps maturity");

    mark = world.mark();
    await world.slackCommand("U0BOB", "close", SHARED_DM);
    expect(world.heardSince(mark)).toContain("This is a direct conversation, not a team's channel");
    mark = world.mark();
    await world.slackCommand("U0BOB", "schedule weekly", SHARED_DM);
    expect(world.heardSince(mark)).toContain("This is a direct conversation, not a team's channel");
    mark = world.mark();
    await world.slackCommand("U0BOB", "status", SHARED_DM);
    expect(world.heardSince(mark)).toContain("This is a direct conversation, not a team's channel");
    expect(await world.snapshot()).toEqual(before);
  });

  it("treats a group DM as no team either: a start there is the person's own", async () => {
    const mark = world.mark();
    await world.slack.sign(
      formBody({
        ...commandFields(world.slack.api),
        channel_id: "G0GROUPDM",
        channel_name: "mpdm-ann--bob--carl-1",
        user_id: "U0CARL",
        user_name: "carl",
        text: "",
      }),
    );
    await world.settle(mark);
    const keys = createKeys(world.prefix);
    const scope = (channel: string) => ({ platform: "slack" as const, workspace: TEAM, channel });
    expect(await world.redis.get(keys.openRound(scope("personal:U0CARL")))).not.toBeNull();
    expect(await world.redis.get(keys.openRound(scope("G0GROUPDM")))).toBeNull();
    // No invitation was posted into the group DM.
    expect(world.slack.api.calls("chat.postMessage").filter((c) => c.body.channel === "G0GROUPDM")).toEqual([]);
  });

  it("gives the first person their own result back there", async () => {
    const mark = world.mark();
    await world.slackCommand("U0ANN", "summary", SHARED_DM);
    expect(world.heardSince(mark)).toContain("Your MLOps maturity");
  });
});

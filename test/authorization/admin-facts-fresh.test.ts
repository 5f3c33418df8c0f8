import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthWorld, startAuthWorld } from "./auth-world.js";

/**
 * Issue 18, rule 6: admin facts are re-checked on every privileged command or cached at most five minutes. A Slack
 * admin demoted in Slack loses admin powers within five minutes (not a day): `org` and changing someone else's
 * reminders are refused, and nothing changes. In Teams, where only ADMIN_USER_IDS make admins, the id compared is
 * the `from.id` the bot is sent.
 */
let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "admins", env: { ADMIN_USER_IDS: "29:teams-admin" } });
});
afterAll(() => world?.close());

describe("Slack: a demoted admin", () => {
  it("keeps admin powers no longer than five minutes after Slack stops saying so", async () => {
    world.slack.api.users.set("U0BOSS", { isAdmin: true });
    let mark = world.mark();
    await world.slackCommand("U0BOSS", "org");
    expect(world.heardSince(mark)).not.toContain("Only a workspace admin");
    await world.slackCommand("U0SETTER", "schedule monthly 1 09:00 UTC");

    // Demoted in Slack. Four minutes later the cached flag may still be believed; six minutes later it is not.
    world.slack.api.users.set("U0BOSS", { isAdmin: false });
    world.slack.setNow(new Date("2026-11-23T09:06:00.000Z"));
    const before = await world.snapshot();
    mark = world.mark();
    await world.slackCommand("U0BOSS", "org");
    expect(world.heardSince(mark)).toContain("Only a workspace admin can see the organisation's roll-up.");
    mark = world.mark();
    await world.slackCommand("U0BOSS", "schedule off");
    expect(world.heardSince(mark)).toContain("Only the person who set this channel's reminders or an admin can");
    expect(await world.snapshot()).toEqual(before);
    const asked = world.slack.api.calls("users.info").filter((c) => c.body.user === "U0BOSS");
    expect(asked.length).toBeGreaterThanOrEqual(2);
  });
});

describe("Teams: ADMIN_USER_IDS are from.id values", () => {
  it("refuses org to anyone not listed, telling them whom to ask, and grants it to the listed from.id", async () => {
    let mark = world.mark();
    expect((await world.teamsSay("someone", "org")).status).toBe(200);
    await world.settle(mark);
    const refused = world.heardSince(mark);
    expect(refused).toContain("Only a workspace admin can see the organisation");
    expect(refused).toContain("Ask one of your workspace admins");
    // (The calls carry the conversation and recipient ids: only the words are checked here.)
    expect(refused).not.toContain("ADMIN");
    mark = world.mark();
    expect((await world.teamsSay("teams-admin", "org")).status).toBe(200);
    await world.settle(mark);
    expect(world.heardSince(mark)).not.toContain("Only a workspace admin");
  });
});

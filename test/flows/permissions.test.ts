import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { createTranscript, testClock, textOf } from "./harness.js";

/**
 * Who may manage a team: the opener of its latest round (reminders: whoever set them), or an admin. Everyone else is
 * refused, and nothing changes.
 */
describe("permissions", () => {
  it("refuses close, target, schedule, pause and privacy to someone who neither opened the round nor is an admin", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock, admins: ["root"] });
    await t.say("alice", "");
    await t.say("alice", "schedule weekly mon 09:00 UTC");
    for (const command of ["close", "target 4", "schedule monthly", "schedule off", "pause", "privacy attributed"]) {
      const replies = await t.say("mallory", command);
      expect(
        replies.map((r) => r.delivery.to),
        command,
      ).toEqual(["private"]);
      // Reminders belong to whoever set them (issue 18); the rest to the round's opener.
      expect(textOf(replies), command).toMatch(
        /^(schedule|pause)/.test(command) ? /^Only the person who set/ : /^Only the person who opened/,
      );
    }
    // Nothing changed: the round is open, the schedule weekly and running, no target, privacy confidential.
    expect(textOf(await t.say("bob", "status"))).toContain("Open quick round started by alice");
    expect(textOf(await t.say("bob", "schedule"))).toMatch(/every Monday at 09:00 \(UTC\)\.$/m);
    expect(textOf(await t.say("bob", "privacy"))).toContain("Privacy here is confidential");
    expect(textOf(await t.say("bob", "summary"))).not.toContain("target");
  });

  it("lets the opener and an admin manage the team", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock, admins: ["root"] });
    await t.say("alice", "");
    expect(textOf(await t.say("root", "target 3"))).toContain("Target set to Level 3");
    expect(textOf(await t.say("alice", "schedule quarterly"))).toContain("I'll remind this channel");
    expect(textOf(await t.say("root", "pause"))).toContain("Reminders paused");
    expect(textOf(await t.say("alice", "close"))).toContain("Round closed");
  });
});

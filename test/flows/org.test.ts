import { describe, expect, it } from "vitest";
import { nameChannelsIn } from "../../src/chat/channel-refs.js";
import type { InvitationMessage, Reply } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { answerAll, channel, createTranscript, dm, messages, testClock, textOf } from "./harness.js";

const joinOf = (replies: Reply[]) => {
  const action = (messages(replies, "invitation")[0] as InvitationMessage | undefined)?.button?.action;
  if (!action) throw new Error("no invitation");
  return action;
};

describe("org roll-up", () => {
  it("shows admins every team's latest level, the distribution, the weakest dimension and who is overdue; counts small teams without showing them", async () => {
    const time = testClock();
    const t = createTranscript(createMemoryStore(), { clock: time.clock, admins: ["root"] });
    // #C-platform: three people, L1 on Monitoring (the 7th dimension) and L3 elsewhere; reminders weekly.
    const platform = channel("C-platform");
    const opened = await t.say("ana", "", platform);
    const picks = [4, 4, 4, 4, 4, 4, 2, 4];
    await answerAll(t, "ana", opened, picks);
    for (const who of ["ben", "cy"]) await answerAll(t, who, await t.click(who, joinOf(opened), platform), picks);
    await t.say("ana", "schedule weekly mon 09:00 UTC", platform);
    await t.say("ana", "close", platform);
    // #C-solo: one person, under the privacy floor of 3.
    const solo = channel("C-solo");
    await answerAll(t, "dee", await t.say("dee", "", solo), [1, 1, 1, 1, 1, 1, 1, 1]);
    await t.say("dee", "close", solo);
    // #C-new: a round still open; and someone's personal assessment in a DM.
    await t.say("eve", "", channel("C-new"));
    await answerAll(t, "fay", await t.say("fay", "", dm("D-fay")), [1, 1, 1, 1, 1, 1, 1, 1]);
    time.advanceDays(20); // more than two weekly cadences since #C-platform's round

    const refused = await t.say("ana", "org", platform);
    expect(textOf(refused)).toContain("Only a workspace admin");
    // Whom to ask, never a setting's name or the person's id (those are in the log for whoever runs the bot).
    expect(textOf(refused)).toContain("Ask one of your workspace admins.");
    expect(textOf(refused)).not.toMatch(/ADMIN|\bana\b/);

    const org = await t.say("root", "org", platform);
    expect(org[0]?.delivery).toMatchObject({ to: "private" });
    // Channels are tokens each renderer names its platform's way (a Slack mention); here they read "#<id>".
    const text = nameChannelsIn(textOf(org), (id) => `#${id}`);
    expect(text).toContain("MLOps maturity across 2 team(s)");
    expect(text).toMatch(/L0 No MLOps: 1 · L1 [^:]+: 1 · L2 [^:]+: 0/);
    expect(text).toContain("Weakest dimension across the organisation: Monitoring & feedback (median L1 over 1 teams)");
    expect(text).toMatch(/#C-platform: L1 .* lowest: Monitoring & feedback L1/);
    expect(text).not.toContain("#C-solo:");
    expect(text).toContain("1 team(s) had too few respondents to show");
    expect(text).toMatch(/Due for a reassessment .*#C-platform \(2026-11-23, 20 days\)/);
    expect(text).not.toMatch(/#C-solo \(/); // unscheduled: stale only after two quarters
    expect(text).toContain("1 team(s) have not closed a round yet.");
    expect(text).toContain("1 personal assessment(s) in DMs are not counted.");
    expect(text).not.toMatch(/\bana\b|\bben\b|\bdee\b/);
  });
});

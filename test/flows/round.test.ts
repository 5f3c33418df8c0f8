import { describe, expect, it } from "vitest";
import { command } from "../../src/chat/command-words.js";
import type { InvitationMessage, SummaryMessage } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { answerAll, channel, createTranscript, historyIn, messages, questionIn, testClock } from "./harness.js";

describe("a two-person team round", () => {
  it("opens a round, collects both answers privately and posts the team result", async () => {
    const time = testClock();
    // This team lowered the privacy floor to two, so the spread of answers shows.
    const t = createTranscript(createMemoryStore(), { clock: time.clock, minRespondentsForSpread: 2 });

    const opened = await t.say("alice", "");
    const invitation = messages(opened, "invitation")[0] as InvitationMessage;
    expect(invitation.text).toContain("alice started an MLOps maturity round");
    expect(opened.find((r) => r.message.kind === "invitation")?.delivery).toMatchObject({ to: "channel" });
    const aliceFirst = questionIn(opened);
    expect(aliceFirst.progress).toEqual({ index: 1, total: 8, section: "Team & ownership" });
    expect(opened.find((r) => r.message.kind === "question")?.delivery).toEqual({ to: "private", ephemeral: false });

    // Bob clicks the invitation's button in the channel; his questions arrive privately.
    const joinButton = invitation.button?.action;
    if (!joinButton) throw new Error("invitation has no button");
    const bobFirst = await t.click("bob", joinButton, channel());
    expect(questionIn(bobFirst).progress.index).toBe(1);

    const aliceDone = await answerAll(t, "alice", opened, [3, 3, 3, 3, 3, 3, 3, 3]);
    const aliceResult = messages(aliceDone, "summary")[0] as SummaryMessage;
    expect(aliceResult).toMatchObject({ scope: "person", overall: { level: 2 } });
    const update = aliceDone.find((r) => r.message.kind === "invitation");
    expect(update?.delivery).toMatchObject({ to: "channel", update: true, address: { channel: "C1" } });
    expect(update?.message).toMatchObject({ kind: "invitation", completed: ["alice"] });

    await answerAll(t, "bob", bobFirst, [2, 5, 5, 5, 5, 5, 5, 5]);

    const summary = messages(await t.say("alice", "summary"), "summary")[0] as SummaryMessage;
    expect(summary.scope).toBe("team");
    expect(summary.participation).toEqual({ completed: 2, inProgress: 0 });
    // Medians are the lower of the two answers; the weakest link is team & ownership (alice 2, bob 1).
    expect(summary.overall.level).toBe(1);
    expect(summary.dimensions[0]).toMatchObject({ name: "Team & ownership", level: 1, spread: { min: 1, max: 2 } });
    expect(summary.dimensions[1]).toMatchObject({ level: 2, disagreement: true, spread: { min: 2, max: 4 } });
    expect(summary.notes.join(" ")).toContain("worth a conversation");
    expect(summary.nextSteps.length).toBeGreaterThan(0);
    // The dimensions holding the team at level 1 come first; steps from the next dimension up fill the three.
    expect(summary.nextSteps[0]?.unlocksLevel).toBe(2);
    const unlocks = summary.nextSteps.map((s) => s.unlocksLevel);
    expect(unlocks).toEqual([...unlocks].sort((a, b) => a - b));
    // Confidential by default: nobody's name appears in the summary.
    expect(JSON.stringify(summary)).not.toMatch(/alice|bob/);
  });

  it("hides the spread of answers below the privacy floor (three by default), keeping the levels", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock });
    const opened = await t.say("alice", "");
    const join = (messages(opened, "invitation")[0] as InvitationMessage).button?.action;
    if (!join) throw new Error("invitation has no button");
    await answerAll(t, "alice", opened, [3, 3, 3, 3, 3, 3, 3, 3]);
    await answerAll(t, "bob", await t.click("bob", join, channel()), [2, 5, 5, 5, 5, 5, 5, 5]);

    const summary = messages(await t.say("alice", "summary"), "summary")[0] as SummaryMessage;
    expect(summary.dimensions[0]).toMatchObject({ name: "Team & ownership", level: 1 });
    expect(summary.dimensions.every((d) => d.spread === undefined && !d.disagreement)).toBe(true);
    expect(summary.notes.join(" ")).toContain("once 3 people have answered");
    expect(summary.notes.join(" ")).not.toContain("worth a conversation");

    await answerAll(t, "carol", await t.click("carol", join, channel()), [3, 3, 3, 3, 3, 3, 3, 3]);
    const three = messages(await t.say("alice", "summary"), "summary")[0] as SummaryMessage;
    expect(three.dimensions[0]?.spread).toEqual({ min: 1, max: 2 });
  });

  it("closes a round into history and shows the trend in the next one", async () => {
    const time = testClock();
    const t = createTranscript(createMemoryStore(), { clock: time.clock });
    await answerAll(t, "alice", await t.say("alice", ""), [2, 2, 2, 2, 2, 2, 2, 2]);
    expect(messages(await t.say("bob", "close"), "error")[0]).toMatchObject({
      code: "not_manager",
      text: expect.stringContaining("Only the person who opened"),
    });
    const closed = await t.say("alice", "close");
    expect(closed.find((r) => r.message.kind === "invitation")?.message).toMatchObject({ closed: true });
    expect(messages(closed, "summary")).toHaveLength(1);

    time.advanceDays(90);
    await answerAll(t, "alice", await t.say("alice", "start"), [3, 3, 3, 3, 3, 3, 3, 2]);
    const summary = messages(await t.say("alice", "summary"), "summary")[0] as SummaryMessage;
    expect(summary.overall).toMatchObject({ level: 1, previous: 1 });
    expect(summary.dimensions[0]).toMatchObject({ level: 2, previous: 1 });
    const history = historyIn(await t.say("alice", "history"));
    // Titled with the days of its rounds (this channel's name was never said, so: what it is).
    expect(history).toMatchObject({ text: "MLOps maturity over time · 23 Nov 2026" });

    await t.say("alice", "close");
    const after = historyIn(await t.say("alice", "history"));
    expect(after.lines).toHaveLength(2 + 1 + 7);
    expect(after.lines[2]).toBe("What changed since the round before:");
    expect(after.lines).toContain("Team & ownership: L1 → L2 (up)");
    expect(after.lines.some((l) => l.startsWith("Governance"))).toBe(false);
  });

  it("drops closed rounds older than the retention period from the history", async () => {
    const time = testClock();
    const t = createTranscript(createMemoryStore(), { clock: time.clock, historyRetentionDays: 60 });
    await answerAll(t, "alice", await t.say("alice", ""), [2, 2, 2, 2, 2, 2, 2, 2]);
    await t.say("alice", "close");
    time.advanceDays(45);
    await answerAll(t, "alice", await t.say("alice", "start"), [3, 3, 3, 3, 3, 3, 3, 3]);
    await t.say("alice", "close");
    const both = historyIn(await t.say("alice", "history"));
    expect(both.lines.filter((l) => / answered$/.test(l))).toHaveLength(2);

    time.advanceDays(30); // the first round is now 75 days old
    const one = historyIn(await t.say("alice", "history"));
    // Only the recent round (same closing date), and no "what changed" list without a round before it.
    expect(one.lines).toHaveLength(1);
    expect(one.lines[0]?.slice(0, 10)).toBe(both.lines[1]?.slice(0, 10));
  });

  it("closes a round by itself after the configured days and starts a fresh one", async () => {
    const time = testClock();
    const t = createTranscript(createMemoryStore(), { clock: time.clock });
    const first = await t.say("alice", "");
    await answerAll(t, "alice", first, [4, 4, 4, 4, 4, 4, 4, 4]);
    time.advanceDays(15);
    const next = await t.say("bob", "");
    // The expired round is summarised and closed, then a new invitation goes out.
    expect(messages(next, "summary")).toHaveLength(1);
    const invitations = messages(next, "invitation") as InvitationMessage[];
    expect(invitations.map((i) => i.closed)).toEqual([true, false]);
  });

  it("joins the open round instead of opening a second one", async () => {
    const t = createTranscript(createMemoryStore());
    await t.say("alice", "deep");
    const joined = await t.say("bob", "");
    expect(messages(joined, "invitation")).toHaveLength(0);
    expect(questionIn(joined).progress.total).toBeGreaterThan(8);
  });

  it("refuses a closed round's stale invitation button", async () => {
    const t = createTranscript(createMemoryStore());
    const opened = await t.say("alice", "");
    const join = (messages(opened, "invitation")[0] as InvitationMessage).button?.action;
    await t.say("alice", "close");
    if (!join) throw new Error("no join button");
    expect(messages(await t.click("bob", join, channel()), "error")[0]).toMatchObject({
      code: "round_closed",
      text: expect.stringContaining("closed"),
    });
  });

  it("keeps recommendations within the team's target", async () => {
    const t = createTranscript(createMemoryStore());
    await t.say("alice", "");
    expect(messages(await t.say("alice", "target 9"), "error")[0]).toMatchObject({
      code: "invalid_level",
      text: expect.stringContaining("0 to 4"),
    });
    await t.say("alice", "target 2");
    const replies = await t.say("alice", "resume");
    const done = await answerAll(t, "alice", replies, [3, 3, 3, 3, 3, 3, 3, 3]);
    const summary = messages(done, "summary")[0] as SummaryMessage;
    expect(summary.overall.level).toBe(2);
    expect(summary.nextSteps).toEqual([]);
  });

  it("answers unknown words with help and examples", async () => {
    const t = createTranscript(createMemoryStore());
    const replies = await t.say("alice", "frobnicate");
    expect(messages(replies, "error")[0]).toMatchObject({
      code: "unknown_command",
      text: expect.stringContaining('"frobnicate"'),
    });
    expect(JSON.stringify(messages(replies, "notice")[0])).toContain(command("resume"));
  });
});

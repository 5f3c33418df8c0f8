import { describe, expect, it } from "vitest";
import { renderThreaded } from "../../adapters/slack/render-message.js";
import { renderCard } from "../../adapters/teams/render-message.js";
import { renderText } from "../../adapters/terminal/render-message.js";
import type { Round } from "../../flows/rounds/round-state.js";
import { invitationMessage } from "../../flows/summary/team-result.js";
import type { InvitationMessage, Reply, SummaryMessage } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { answerAll, channel, createTranscript, messages, option, questionIn, testClock } from "./harness.js";

/**
 * The round's invitation says when the round closes and, once closed, what became of everyone's answers; the
 * summary posted at the close says the same.
 */
const invitationIn = (replies: Reply[]) => messages(replies, "invitation")[0] as InvitationMessage | undefined;

describe("the round invitation", () => {
  it("says when the round closes, on the clock of the person who opened it", async () => {
    const time = testClock("2026-11-23T09:00:00.000Z");
    const t = createTranscript(createMemoryStore(), { clock: time.clock });
    const opened = await t.bot.handle({
      kind: "command",
      text: "",
      address: channel(),
      user: { id: "alice", name: "alice", timeZone: "Europe/Berlin" },
      raw: null,
    });
    // Rounds run 14 days from the moment they open: 09:00 UTC is 10:00 in Berlin in December.
    expect(invitationIn(opened)).toMatchObject({ closed: false, closes: "Mon, 7 Dec 2026, 10:00 CET" });
    expect(renderText(invitationIn(opened)!)).toContain("Closes Mon, 7 Dec 2026, 10:00 CET · 0 answered");
  });

  it("says UTC when nobody's time zone is known", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock("2026-11-23T23:30:00.000Z").clock });
    expect(invitationIn(await t.say("alice", ""))?.closes).toBe("Mon, 7 Dec 2026, 23:30 UTC");
  });

  it("once closed: the day, who answered, and that unfinished answers are not counted (they are not)", async () => {
    const time = testClock("2026-11-23T09:00:00.000Z");
    const t = createTranscript(createMemoryStore(), { clock: time.clock });
    const opened = await t.say("alice", "");
    await answerAll(t, "alice", opened, [3, 3, 3, 3, 3, 3, 3, 3]);
    const join = invitationIn(opened)?.button?.action;
    if (!join) throw new Error("invitation has no button");
    // Bob answers one question at the bottom of the scale and stops there: counted, it would pull that level down.
    await t.click("bob", option(questionIn(await t.click("bob", join, channel())), 1));

    time.advanceDays(2);
    const closing = await t.say("alice", "close");
    const closed = invitationIn(closing);
    expect(closed).toMatchObject({ closed: true, closes: "Wed, 25 Nov 2026", completed: ["alice"], inProgress: 1 });
    expect(closed?.button).toBeUndefined();
    expect(closed?.text).not.toMatch(/in progress/);
    expect(renderText(closed!)).toContain(
      "Closed on Wed, 25 Nov 2026: 1 answered · 1 did not finish: their answers are not counted",
    );
    // What the invitation says is what happened: the summary is alice's answers alone.
    const summary = messages(closing, "summary")[0] as SummaryMessage;
    expect(summary.participation).toEqual({ completed: 1, inProgress: 1, closed: true });
    // The summary's details say the same, on every platform: nobody is "in progress" after the close.
    const unfinished = "1 completed · 1 did not finish: their answers are not counted";
    for (const text of [
      JSON.stringify(renderThreaded(summary).thread?.blocks),
      JSON.stringify(renderCard(summary)),
      renderText(summary),
    ]) {
      expect(text).toContain(unfinished);
      expect(text).not.toContain("in progress");
    }
    const alone = createTranscript(createMemoryStore(), { clock: time.clock });
    const soloOpened = await alone.say("alice", "");
    await answerAll(alone, "alice", soloOpened, [3, 3, 3, 3, 3, 3, 3, 3]);
    const solo = messages(await alone.say("alice", "close"), "summary")[0] as SummaryMessage;
    expect(summary.dimensions.map((d) => d.level)).toEqual(solo.dimensions.map((d) => d.level));
  });

  it("counts a round past its closing time as closed on that day, before anyone closes it", () => {
    const round: Round = {
      id: "r1",
      channel: "C1",
      mode: "quick",
      openedBy: { id: "alice" },
      openedAt: "2026-11-23T09:00:00.000Z",
      closesAt: "2026-12-07T09:00:00.000Z",
      personal: false,
      timeZone: "America/New_York",
    };
    const standing = { participation: { completed: 2, inProgress: 0 }, completedNames: ["alice", "bob"] };
    const late = invitationMessage(round, standing, new Date("2026-12-08T12:00:00.000Z"));
    expect(late).toMatchObject({ closed: true, closes: "Mon, 7 Dec 2026" });
    expect(renderText(late)).toContain("Closed on Mon, 7 Dec 2026: 2 answered");
    expect(renderText(late)).not.toContain("did not finish");
    const open = invitationMessage(round, standing, new Date("2026-12-01T12:00:00.000Z"));
    expect(open.closes).toBe("Mon, 7 Dec 2026, 04:00 EST");
  });
});

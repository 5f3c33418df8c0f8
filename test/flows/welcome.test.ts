import { describe, expect, it } from "vitest";
import type { Address } from "../../src/chat/address.js";
import type { InvitationMessage, NoticeMessage } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { channel, createTranscript, dm, messages, questionIn, textOf } from "./harness.js";

const joined = (t: ReturnType<typeof createTranscript>, address: Address) =>
  t.bot.handle({ kind: "joined", address, user: { id: "ana" }, raw: null });

describe("welcome", () => {
  it("says in a channel what the app does, how to start and the privacy rule, with a Start button that works", async () => {
    const t = createTranscript(createMemoryStore());
    const replies = await joined(t, channel("C7"));
    expect(replies.map((r) => r.delivery)).toEqual([{ to: "channel" }]);
    const text = textOf(replies);
    expect(text).toContain("measure this team's MLOps maturity");
    expect(text).toContain("everyone answers privately");
    expect(text).toMatch(/Privacy: .*not who answered what/);
    expect(text).not.toContain("@MLOps Assess");
    const start = (replies[0]!.message as NoticeMessage).buttons[0];
    expect(start?.label).toBe("Start a round");
    // The button opens a round in that channel: an invitation there, and the first question for the clicker.
    const opened = await t.click("ana", start!.action, channel("C7"));
    const [invitation] = messages(opened, "invitation") as InvitationMessage[];
    expect(invitation?.button?.label).toBe("Take the assessment");
    expect(questionIn(await t.click("ana", invitation!.button!.action, channel("C7"))).progress.index).toBe(1);
  });

  it("tells Teams channels to @mention the app, which Teams needs to pass a message on", async () => {
    const t = createTranscript(createMemoryStore());
    const teamsChannel: Address = { platform: "teams", workspace: "T1", channel: "19:x@thread.tacv2", isDirect: false };
    expect(textOf(await joined(t, teamsChannel))).toContain("mention me first: @MLOps Assess");
  });

  it("in a personal chat, welcomes and then shows the person's home (help at least)", async () => {
    const t = createTranscript(createMemoryStore());
    const replies = await joined(t, dm("D-ana"));
    expect(replies.every((r) => r.delivery.to === "private")).toBe(true);
    const text = textOf(replies);
    expect(text).toContain("starts an assessment just for you");
    expect(text).toContain("What I can do:");
  });
});

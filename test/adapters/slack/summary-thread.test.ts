import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ButtonAction } from "../../../src/chat/actions.js";
import type { Address } from "../../../src/chat/address.js";
import type { Delivery, Reply } from "../../../src/chat/outbound.js";
import type { RecordedCall } from "../../fakes/fake-slack-api.js";
import { createEchoBot, type EchoBot } from "./echo-bot.js";
import { buttonClick, CHANNEL, type SlackHarness, startSlackHarness, TEAM } from "./harness.js";
import { summary } from "./sample-messages.js";

/**
 * A team summary in a channel is one phone screen: its details (what blocks the next level, how and why of each
 * step, spread, participation, notes) go in a thread reply under it, where Slack allows a thread.
 */
let bot: EchoBot;
let slack: SlackHarness;

beforeEach(async () => {
  bot = createEchoBot();
  slack = await startSlackHarness({ bot });
});
afterEach(async () => {
  await slack.close();
});

const summaryReply = (delivery: Delivery): Reply => ({ message: summary(8), delivery });
const answer: ButtonAction = { a: "answer", c: CHANNEL, r: "round-1", q: "monitoring", v: "3" };

/** Everything a recorded message shows as text, in block order. */
function textOf(call: RecordedCall | undefined): string {
  const blocks = (call?.body.blocks ?? []) as Array<{
    type: string;
    text?: { text: string };
    fields?: Array<{ text: string }>;
    elements?: Array<{ text?: string | { text: string } }>;
  }>;
  return blocks
    .flatMap((b) => [
      `[${b.type}]`,
      b.text?.text ?? "",
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.type === "context" ? (b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")) : []),
    ])
    .filter((line) => line !== "")
    .join("\n");
}

describe("a team summary posted to a channel", () => {
  it("posts the first screen, then its details as a reply in the thread under it", async () => {
    bot.reply = () => [summaryReply({ to: "channel" })];
    await slack.command({ text: "summary" });
    const [first, reply] = await slack.api.waitFor("chat.postMessage", 2);
    expect(first?.body).toMatchObject({ channel: CHANNEL });
    expect(first?.body.thread_ts).toBeUndefined();
    expect(reply?.body).toMatchObject({ channel: CHANNEL, thread_ts: first?.response?.ts });
    const screen = textOf(first);
    expect(screen).not.toContain("*Details*");
    expect(screen).not.toContain("[divider]");
    expect(screen.trimEnd().split("\n").at(-1)).toMatch(/^Details in the thread/);
    const details = textOf(reply);
    expect(details).toContain("*What blocks the next level:* Model deployment is manual");
    expect(details).toContain("*How:*");
    expect(details).toContain("5 completed · 2 in progress");
    expect(slack.api.calls("chat.postEphemeral")).toEqual([]);
  });

  it("keeps the summary and logs the failure when the thread reply fails: no second summary, no apology", async () => {
    slack.api.fail("chat.postMessage", "invalid_blocks", 1, (body) => body.thread_ts !== undefined);
    bot.reply = () => [summaryReply({ to: "channel" })];
    await slack.command({ text: "summary" });
    await vi.waitFor(() =>
      expect(slack.logger.lines.map((l) => l.message)).toContain(
        "slack thread reply failed: the message went out without its details",
      ),
    );
    const posts = slack.api.calls("chat.postMessage");
    expect(posts.map((p) => p.response?.ok)).toEqual([true, false]);
    expect(posts[1]?.body.thread_ts).toBe(posts[0]?.response?.ts);
    expect(slack.logger.lines).toContainEqual(
      expect.objectContaining({ level: "error", fields: expect.objectContaining({ code: "invalid_blocks" }) }),
    );
    await slack.command({ text: "next" });
    await slack.api.waitFor("chat.postMessage", 4);
    expect(slack.api.calls("chat.postEphemeral")).toEqual([]);
  });

  it("replies in the thread the summary itself was posted in: Slack threads do not nest", async () => {
    const inThread: Address = {
      platform: "slack",
      workspace: TEAM,
      channel: "C0TEAM",
      thread: "1699999999.000100",
      isDirect: false,
    };
    await slack.adapter.deliver(inThread, summaryReply({ to: "channel" }));
    const posts = slack.api.calls("chat.postMessage");
    expect(posts.map((p) => p.body.thread_ts)).toEqual(["1699999999.000100", "1699999999.000100"]);
  });
});

describe("where a thread is impossible", () => {
  it("keeps the details below the first screen in an ephemeral message", async () => {
    bot.reply = () => [summaryReply({ to: "private", ephemeral: true })];
    await slack.command({ text: "summary" });
    const [call] = await slack.api.waitFor("chat.postEphemeral");
    const text = textOf(call);
    expect(text).toContain("[divider]\n[section]\n*Details*");
    expect(text).toContain("*What blocks the next level:*");
    expect(text).not.toContain("Details in the thread");
    expect(slack.api.calls("chat.postMessage")).toEqual([]);
  });
});

describe("a result that replaces the clicked message", () => {
  it("threads the details under the clicked message, and edits that reply when the message is replaced again", async () => {
    const where = { channel: "D00FAKEUSER2", messageTs: "1769220161.503009" };
    bot.reply = () => [summaryReply({ to: "replace" })];
    await slack.interaction(buttonClick(answer, where));
    const [reply] = await slack.api.waitFor("chat.postMessage");
    expect(slack.api.calls("chat.update")).toMatchObject([{ body: { channel: where.channel, ts: where.messageTs } }]);
    expect(reply?.body).toMatchObject({ channel: where.channel, thread_ts: where.messageTs });
    expect(textOf(reply)).toContain("*Details*");

    // A double click (or a replay) shows the result again: the same reply is edited, not a second one added.
    await slack.interaction(buttonClick(answer, where));
    const updates = await slack.api.waitFor("chat.update", 3);
    expect(updates.map((u) => u.body.ts)).toEqual([where.messageTs, where.messageTs, reply?.response?.ts]);
    expect(slack.api.calls("chat.postMessage")).toHaveLength(1);
  });

  it("adds one reply when two clicks show the result in the same message at once", async () => {
    const where = { channel: CHANNEL, messageTs: "1769220161.503009" };
    bot.reply = () => [summaryReply({ to: "replace" })];
    // Two people: their clicks are not queued behind each other, as on two replicas.
    await Promise.all([
      slack.interaction(buttonClick(answer, { ...where, user: "U00FAKEANNA" })),
      slack.interaction(buttonClick(answer, { ...where, user: "U00FAKEBEN0" })),
    ]);
    await slack.api.waitFor("chat.update", 2);
    await bot.handled(2);
    await slack.api.waitFor("chat.postMessage");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.api.calls("chat.postMessage").map((c) => c.body.thread_ts)).toEqual([where.messageTs]);
  });
});

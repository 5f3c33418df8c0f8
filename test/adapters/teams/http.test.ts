import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ButtonAction, encodeAction } from "../../../src/chat/actions.js";
import type { Reply } from "../../../src/chat/outbound.js";
import { createEchoBot, type EchoBot, notice } from "../slack/echo-bot.js";
import { invitation, question } from "../slack/sample-messages.js";
import {
  BOT_ID,
  buttonsOf,
  CHANNEL,
  cardOf,
  personalChatOf,
  recorded,
  startTeamsHarness,
  TENANT,
  TEST_USER,
  type TeamsHarness,
  textOf,
} from "./harness.js";

/** The HTTP contract with Teams: activities POSTed to /api/messages, replies on a loopback Bot Connector. */
let bot: EchoBot;
let teams: TeamsHarness;

beforeEach(async () => {
  bot = createEchoBot();
  teams = await startTeamsHarness({ bot });
});
afterEach(async () => {
  await teams.close();
});

const answer: ButtonAction = { a: "answer", c: CHANNEL, r: "round-1", q: "monitoring", v: "2" };
const data = { ma: encodeAction(answer) };
const nextQuestion: Reply = { message: question(["No", "Partly", "Yes"]), delivery: { to: "replace" } };
const thread = (id: string) => `${CHANNEL};messageid=${id}`;

describe("messages", () => {
  it("answers the recorded channel mention in its thread, on the fake connector, without auth when no app id", async () => {
    bot.reply = () => [notice("hello channel", { to: "channel" })];
    const result = await teams.post(recorded("vercel-chat_channel_teams.json", "mention"));
    expect(result.status).toBe(200);
    expect(bot.events[0]).toMatchObject({ kind: "command", text: "Hey", address: { channel: CHANNEL } });
    const [reply] = teams.connector.calls(CHANNEL);
    expect(reply).toMatchObject({ method: "POST", conversationId: thread("1771290107407"), auth: undefined });
    expect(textOf(cardOf(reply))).toContain("hello channel");
    expect(teams.logger.lines.filter((l) => l.message?.includes("NOT authenticated"))).toHaveLength(1);
  });

  it("answers a 1:1 chat in the chat itself", async () => {
    bot.reply = () => [notice("just for you", { to: "private" })];
    expect((await teams.directMessage("status")).status).toBe(200);
    expect(bot.events[0]).toMatchObject({ kind: "command", text: "status", address: { isDirect: true } });
    expect(teams.connector.calls().map((c) => [c.method, c.conversationId])).toEqual([
      ["POST", personalChatOf(TEST_USER)],
    ]);
  });

  it("takes a private reply to a channel command into the person's 1:1 chat, and says so in the thread", async () => {
    bot.reply = () => [notice("your status", { to: "private", ephemeral: true })];
    await teams.channelMessage("status");
    const [create, sent, pointer] = teams.connector.calls();
    expect(create).toMatchObject({ method: "create", body: { isGroup: false, tenantId: TENANT, bot: { id: BOT_ID } } });
    expect(create?.body.members).toEqual([{ id: TEST_USER.id, name: "" }]);
    expect(sent?.conversationId).toBe(personalChatOf(TEST_USER));
    expect(textOf(cardOf(sent))).toContain("your status");
    expect(pointer?.conversationId.startsWith(`${CHANNEL};messageid=`)).toBe(true);
    expect(pointer?.body).toMatchObject({ text: "<at>Test User</at> I've sent you a message." });

    // The 1:1 chat is remembered: the next private reply goes straight there.
    await teams.channelMessage("status");
    expect(teams.connector.calls().filter((c) => c.method === "create")).toHaveLength(1);
    expect(teams.connector.calls(personalChatOf(TEST_USER)).filter((c) => c.method === "POST")).toHaveLength(2);
  });

  it("tells the person in the thread, without the content, when no 1:1 chat can be opened", async () => {
    teams.connector.refuseCreate(403);
    bot.reply = () => [notice("secret result", { to: "private" })];
    expect((await teams.channelMessage("summary")).status).toBe(200);
    const posted = teams.connector.calls();
    expect(posted).toHaveLength(1);
    expect(String(posted[0]?.body.text)).toContain("couldn't send you a private message");
    expect(JSON.stringify(posted[0]?.body)).not.toContain("secret result");
  });

  it("ignores what is not for the bot (a reaction) with 200 and no reply", async () => {
    const result = await teams.post(recorded("vercel-chat_actions-reactions_teams.json", "reaction"));
    expect(result.status).toBe(200);
    expect(bot.events).toEqual([]);
    expect(teams.connector.calls()).toEqual([]);
  });

  it("answers 400 to a body that is not JSON and 413 to an oversized one", async () => {
    const bad = await fetch(teams.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(bad.status).toBe(400);
    const huge = JSON.stringify({ type: "message", text: "x".repeat(300_000) });
    const big = await fetch(teams.url, { method: "POST", headers: { "content-type": "application/json" }, body: huge });
    expect(big.status).toBe(413);
  });
});

describe("card buttons", () => {
  it("answers an adaptiveCard/action invoke with the next card in the invoke response (updated in place)", async () => {
    bot.reply = () => [nextQuestion];
    const result = await teams.invoke(data, { conversationId: personalChatOf(TEST_USER) });
    expect(result.status).toBe(200);
    expect(bot.events[0]).toMatchObject({ kind: "action", action: answer, address: { isDirect: true } });
    expect(result.json).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const card = (result.json as { value: unknown }).value;
    expect(textOf(card)).toContain("3/8 · Monitoring & feedback");
    // The chosen answer is ticked; Cancel opens a second card whose button sends it.
    expect(buttonsOf(card).map((b) => b.title)).toEqual(["No", "Partly", "✓ Yes", "Back", "Skip", "Yes, cancel"]);
    expect(teams.connector.calls()).toEqual([]);
  });

  it("updates the clicked card (PUT replyToId) for an Action.Submit from an older client", async () => {
    bot.reply = () => [nextQuestion];
    const result = await teams.submit(data, { conversationId: personalChatOf(TEST_USER), replyToId: "1771290108656" });
    expect(result.status).toBe(200);
    const [update] = teams.connector.calls();
    expect(update).toMatchObject({
      method: "PUT",
      conversationId: personalChatOf(TEST_USER),
      activityId: "1771290108656",
    });
    expect(update?.body).toMatchObject({ id: "1771290108656", type: "message" });
    expect(textOf(cardOf(update))).toContain("How do you find out");
  });

  it("posts a new card when the clicked one is gone, instead of failing", async () => {
    bot.reply = () => [nextQuestion];
    teams.connector.refuse(personalChatOf(TEST_USER), 404, { times: 1 });
    await teams.submit(data, { conversationId: personalChatOf(TEST_USER), replyToId: "deleted-card" });
    expect(teams.connector.refused().map((c) => c.method)).toEqual(["PUT"]);
    expect(teams.connector.calls().map((c) => c.method)).toEqual(["POST"]);
  });

  it("notes on the channel card that the reply went to the 1:1 chat when a click is answered privately", async () => {
    bot.reply = () => [{ message: question(["Yes", "No"]), delivery: { to: "private" } }];
    const join: ButtonAction = { a: "join", c: CHANNEL, r: "round-1" };
    const result = await teams.invoke({ ma: encodeAction(join) }, { conversationId: thread("1771290107407") });
    expect(result.json).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: "I've sent you a message.",
    });
    expect(teams.connector.calls(personalChatOf(TEST_USER)).map((c) => c.method)).toEqual(["create", "POST"]);
  });

  it("ignores a recorded Action.Submit whose data is not ours", async () => {
    const result = await teams.post(recorded("vercel-chat_channel_teams.json", "channel_post_action"));
    expect(result.status).toBe(200);
    expect(bot.events).toEqual([]);
  });

  it("answers an invoke whose data is not ours with a card error, not a crash", async () => {
    const result = await teams.invoke({ actionId: "info" }, { conversationId: personalChatOf(TEST_USER) });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
    expect(bot.events).toEqual([]);
  });
});

describe("tracked channel messages", () => {
  it("posts the invitation once and edits that same message on later updates", async () => {
    const track = { to: "channel", track: "round:round-1" } as const;
    bot.reply = () => [{ message: invitation([]), delivery: track }];
    await teams.channelMessage("assess");
    // Someone finishes in their 1:1 chat: the flows address the team's channel explicitly.
    const channel = { platform: "teams", workspace: TENANT, channel: CHANNEL, isDirect: false } as const;
    bot.reply = () => [{ message: invitation(["Ann"]), delivery: { ...track, update: true, address: channel } }];
    await teams.directMessage("status");

    const [posted, edited] = teams.connector.calls(CHANNEL);
    expect(posted?.method).toBe("POST");
    expect(buttonsOf(cardOf(posted)).map((b) => b.title)).toEqual(["Take the assessment"]);
    expect(edited).toMatchObject({
      method: "PUT",
      conversationId: posted?.conversationId,
      activityId: posted?.response.id,
    });
    expect(textOf(cardOf(edited))).toContain("Answered: Ann");
  });
});

describe("authentication", () => {
  it("with an app id, answers 401 to a request without a valid Bot Framework token and never reaches the bot", async () => {
    await teams.close();
    teams = await startTeamsHarness({ bot, appId: "11111111-2222-3333-4444-555555555555" });
    // botbuilder reports the refusal on console.error as well; the test keeps the output readable.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const mention = recorded("vercel-chat_channel_teams.json", "mention");
    const missing = await teams.post(mention);
    const malformed = await teams.post(mention, { authorization: "Bearer not-a-token" });
    quiet.mockRestore();
    expect([missing.status, malformed.status]).toEqual([401, 401]);
    expect(missing.json).toEqual({ error: "unauthorized" });
    expect(bot.events).toEqual([]);
    expect(teams.connector.calls()).toEqual([]);
    expect(teams.logger.lines.some((l) => l.message?.includes("NOT authenticated"))).toBe(false);
  });
});

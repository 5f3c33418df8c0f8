import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { ButtonAction } from "../../../src/chat/actions.js";
import type { Address } from "../../../src/chat/address.js";
import { createEchoBot, type EchoBot, notice } from "./echo-bot.js";
import {
  BOT_USER,
  buttonClick,
  buttonsIn,
  CHANNEL,
  directMessage,
  jsonFixture,
  type SlackHarness,
  startSlackHarness,
  TEAM,
  USER,
} from "./harness.js";
import { question } from "./sample-messages.js";

/** Delivery intents become the right Web API calls, recorded by the fake Slack. */
let bot: EchoBot;
let slack: SlackHarness;

beforeEach(async () => {
  bot = createEchoBot();
  slack = await startSlackHarness({ bot });
});
afterEach(async () => {
  await slack.close();
});

const answer: ButtonAction = { a: "answer", c: CHANNEL, r: "round-1", q: "monitoring", v: "3" };
const channelAddress: Address = { platform: "slack", workspace: TEAM, channel: "C0TEAM", isDirect: false };

/** Wait until the adapter has stored the tracked message's ts (it does so right after Slack answers). */
const tracked = (channel: string, ts: string) =>
  vi.waitFor(async () => {
    const key = slack.keys.message({ platform: "slack", workspace: TEAM, channel }, "invitation:round-1");
    expect(await slack.store.get(key, z.object({ channel: z.string(), ts: z.string() }))).toEqual({ channel, ts });
  });

describe("private replies", () => {
  it("posts in the person's DM, opening it once and remembering it", async () => {
    bot.reply = () => [notice("your question", { to: "private" })];
    await slack.command({ text: "start" });
    await slack.api.waitFor("chat.postMessage");
    await slack.command({ text: "resume" });
    const posts = await slack.api.waitFor("chat.postMessage", 2);
    expect(posts.map((p) => p.body.channel)).toEqual(["D00FAKEUSER2", "D00FAKEUSER2"]);
    expect(slack.api.calls("conversations.open")).toMatchObject([{ body: { users: USER } }]);
    expect(posts[0]?.auth).toBe("Bearer xoxb-test-token");
  });

  it("posts an ephemeral reply in the channel of the command", async () => {
    await slack.command({ text: "status" });
    const [call] = await slack.api.waitFor("chat.postEphemeral");
    expect(call?.body).toMatchObject({ channel: CHANNEL, user: USER, text: "echo command: status" });
  });

  it("falls back to the command's response_url where the app is not a member", async () => {
    slack.api.fail("chat.postEphemeral", "channel_not_found");
    await slack.command({ text: "status", channel_id: "D0OTHERPERSON" });
    const [call] = await slack.api.waitFor("response_url");
    expect(call?.body).toMatchObject({ response_type: "ephemeral", text: "echo command: status" });
  });

  it("fills the person's time zone and admin flag from users.info, once a day at most", async () => {
    slack.api.users.set(USER, { tz: "America/Chicago", isAdmin: true, name: "Jane" });
    await slack.command({ text: "a" });
    await bot.handled(1);
    await slack.command({ text: "b" });
    const events = await bot.handled(2);
    expect(events.map((e) => (e.kind === "command" ? e.user : undefined))).toEqual([
      { id: USER, name: "Jane", timeZone: "America/Chicago", isAdmin: true },
      { id: USER, name: "Jane", timeZone: "America/Chicago", isAdmin: true },
    ]);
    expect(slack.api.calls("users.info")).toHaveLength(1);
  });

  it("does not wait long for a slow users.info, and uses its answer from the next event on", async () => {
    slack.api.users.set(USER, { tz: "Asia/Tokyo" });
    slack.api.delay(2500);
    const started = performance.now();
    await slack.command({ text: "a" });
    const [first] = await bot.handled(1);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(first?.kind === "command" ? first.user.timeZone : "not a command").toBeUndefined();
    slack.api.delay(0);
    // The late answer still lands in the cache: the next event has the time zone without asking again.
    await vi.waitFor(async () => {
      const key = slack.keys.userProfile({ platform: "slack", workspace: TEAM }, USER);
      expect(await slack.store.get(key, z.object({ info: z.object({ timeZone: z.string() }) }))).toBeDefined();
    }, 4000);
    await slack.command({ text: "b" });
    const [, second] = await bot.handled(2);
    expect(second?.kind === "command" ? second.user.timeZone : undefined).toBe("Asia/Tokyo");
    expect(slack.api.calls("users.info")).toHaveLength(1);
  });

  it("goes on without a time zone when users.info fails", async () => {
    slack.api.fail("users.info", "user_not_found");
    await slack.command({ text: "a" });
    const [event] = await bot.handled(1);
    expect(event).toMatchObject({ kind: "command", user: { id: USER } });
    expect(event?.kind === "command" ? event.user.timeZone : "not a command").toBeUndefined();
  });
});

describe("channel replies", () => {
  it("posts a tracked message, then updates that same message in place", async () => {
    bot.reply = (event) => [
      notice(`standing after ${event.kind}`, {
        to: "channel",
        address: channelAddress,
        track: "invitation:round-1",
        update: event.kind === "action",
      }),
    ];
    await slack.command({ text: "start" });
    const [posted] = await slack.api.waitFor("chat.postMessage");
    await tracked("C0TEAM", "1700000000.000001");
    await slack.interaction(buttonClick(answer));
    const [updated] = await slack.api.waitFor("chat.update");
    expect(posted?.body).toMatchObject({ channel: "C0TEAM", text: "standing after command" });
    expect(updated?.body).toMatchObject({ channel: "C0TEAM", ts: "1700000000.000001", text: "standing after action" });
    expect(slack.api.calls("chat.postMessage")).toHaveLength(1);
  });

  it("posts a fresh tracked message when the old one is gone", async () => {
    bot.reply = () => [notice("standing", { to: "channel", track: "invitation:round-1", update: true })];
    await slack.command({ text: "start" });
    await tracked(CHANNEL, "1700000000.000001");
    slack.api.fail("chat.update", "message_not_found");
    await slack.command({ text: "again" });
    await tracked(CHANNEL, "1700000000.000002");
    await slack.command({ text: "third" });
    const updates = await slack.api.waitFor("chat.update", 2);
    expect(updates.map((u) => u.body.ts)).toEqual(["1700000000.000001", "1700000000.000002"]);
    expect(slack.api.calls("chat.postMessage")).toHaveLength(2);
  });

  it("tells the person how to add the app when it is not in the channel", async () => {
    slack.api.fail("chat.postMessage", "not_in_channel");
    bot.reply = () => [notice("invitation", { to: "channel" })];
    await slack.command({ text: "start" });
    const [call] = await slack.api.waitFor("chat.postEphemeral");
    expect(call?.body.text).toContain("I can't post in this channel yet. Add the app to it");
    expect(slack.logger.lines).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: "slack delivery failed",
        fields: expect.objectContaining({ code: "not_in_channel" }),
      }),
    );
  });
});

describe("replacing the clicked message", () => {
  it("updates the message whose button was clicked", async () => {
    bot.reply = () => [{ message: question(["Yes", "No"]), delivery: { to: "replace" } }];
    await slack.interaction(buttonClick(answer, { channel: "D00FAKEUSER2", messageTs: "1769220161.503009" }));
    const [call] = await slack.api.waitFor("chat.update");
    expect(call?.body).toMatchObject({ channel: "D00FAKEUSER2", ts: "1769220161.503009" });
    expect(buttonsIn(call!).map((b) => b.actionId)).toEqual([
      "ma:answer:1",
      "ma:answer:2",
      "ma:nav:back",
      "ma:nav:skip",
      "ma:nav:cancel",
    ]);
  });

  it("replaces an ephemeral message through its response_url", async () => {
    bot.reply = () => [notice("done", { to: "replace" })];
    await slack.interaction(buttonClick(answer, { ephemeral: true, responseUrl: slack.api.responseUrl("click") }));
    const [call] = await slack.api.waitFor("response_url");
    expect(call).toMatchObject({ path: "/hooks/click", body: { replace_original: true, text: "done" } });
  });
});

describe("App Home", () => {
  it("publishes the Home tab with the bot's private replies instead of sending messages", async () => {
    bot.reply = () => [{ message: question(["Yes", "No"]), delivery: { to: "private" } }];
    await slack.event(jsonFixture("vercel-chat_event_callback_app_home_opened.json"));
    const [call] = await slack.api.waitFor("views.publish");
    expect(call?.body).toMatchObject({ user_id: "U00FAKEUSER1", view: { type: "home" } });
    expect(buttonsIn(call!).map((b) => b.actionId)).toContain("ma:h0:answer:1");
    expect(slack.api.calls("chat.postMessage")).toEqual([]);
  });

  it("answers a click in the Home tab by publishing the tab again", async () => {
    bot.reply = () => [notice("next question", { to: "replace" })];
    await slack.interaction({ ...buttonClick(answer), container: { type: "view", view_id: "V1" } });
    const [call] = await slack.api.waitFor("views.publish");
    expect(call?.body.user_id).toBe(USER);
    expect(JSON.stringify(call?.body.view)).toContain("next question");
  });
});

describe("messages to the app", () => {
  it("hands a DM to the bot as text and ignores the app's own messages", async () => {
    await slack.event(directMessage("https://wiki/runbook"));
    await slack.event(directMessage("echo", { user: BOT_USER, bot_id: "B00FAKEBOT03" }, "Ev0DMTEXT002"));
    await slack.api.waitFor("chat.postEphemeral");
    expect(bot.events.map((e) => e.kind)).toEqual(["text"]);
  });
});

describe("failures never crash the process", () => {
  it("tells the person when the bot fails", async () => {
    bot.reply = () => {
      throw new Error("flow exploded");
    };
    await slack.command({ text: "start" });
    const [call] = await slack.api.waitFor("chat.postEphemeral");
    expect(call?.body.text).toBe(
      ":warning: Something went wrong on my side. Please try again; your earlier answers are safe.",
    );
    expect(slack.logger.lines).toContainEqual(
      expect.objectContaining({ level: "error", message: "slack event failed" }),
    );
  });

  it("logs a rate-limited Web API call (429) and tells the person", async () => {
    slack.api.rateLimit("chat.postMessage", 1, 0);
    bot.reply = () => [notice("to the channel", { to: "channel" })];
    const result = await slack.command({ text: "summary" });
    expect(result.status).toBe(200);
    const [call] = await slack.api.waitFor("chat.postEphemeral");
    expect(call?.body.text).toContain("Something went wrong");
    expect(slack.logger.lines.some((l) => l.message === "slack delivery failed")).toBe(true);
  });

  it("keeps serving after failures", async () => {
    slack.api.fail("chat.postEphemeral", "fatal_error", 2);
    await slack.command({ text: "one" });
    await slack.api.waitFor("chat.postEphemeral", 2);
    await slack.command({ text: "two" });
    const calls = await slack.api.waitFor("chat.postEphemeral", 3);
    expect(calls.at(-1)?.body.text).toBe("echo command: two");
  });
});

describe("proactive delivery (nudges)", () => {
  it("posts to a person's DM and to a channel without an inbound event", async () => {
    await slack.adapter.deliver(channelAddress, notice("time to reassess", { to: "private" }), USER);
    await slack.adapter.deliver(channelAddress, notice("round reminder", { to: "channel" }));
    expect(slack.api.calls("chat.postMessage").map((c) => [c.body.channel, c.body.text])).toEqual([
      ["D00FAKEUSER2", "time to reassess"],
      ["C0TEAM", "round reminder"],
    ]);
  });

  it("rejects when Slack refuses, so the caller can retry later", async () => {
    slack.api.fail("chat.postMessage", "channel_not_found");
    await expect(slack.adapter.deliver(channelAddress, notice("x", { to: "channel" }))).rejects.toThrow(
      /channel_not_found/,
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storedConversationSchema } from "../../../adapters/teams/references.js";
import type { Address } from "../../../src/chat/address.js";
import type { Reply } from "../../../src/chat/outbound.js";
import { DeliveryError } from "../../../src/chat/ports.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import type { Store } from "../../../src/store/store.js";
import { createEchoBot, type EchoBot, notice } from "../slack/echo-bot.js";
import {
  BOT_ID,
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

/**
 * Conversation references and proactive posts (nudges): stored at install, refreshed by messages, used through
 * continueConversationAsync; a conversation the connector refuses (403/404) is marked and left alone.
 */
let bot: EchoBot;
let teams: TeamsHarness;
let writes: string[];

/** The memory store, recording which keys are written. */
function countingStore(): Store {
  const store = createMemoryStore();
  return {
    ...store,
    async update(key, schema, change, ttlMs) {
      const result = await store.update(key, schema, change, ttlMs);
      if (result.changed) writes.push(key);
      return result;
    },
    async set(key, value, ttlMs) {
      writes.push(key);
      await store.set(key, value, ttlMs);
    },
  };
}

beforeEach(async () => {
  writes = [];
  bot = createEchoBot();
  teams = await startTeamsHarness({ bot, store: countingStore() });
});
afterEach(async () => {
  await teams.close();
});

const channel: Address = { platform: "teams", workspace: TENANT, channel: CHANNEL, isDirect: false };
const nudge: Reply = notice("Time to reassess your MLOps maturity", { to: "channel" });
const stored = () =>
  teams.store.get(
    teams.keys.conversationRef({ platform: "teams", workspace: TENANT }, CHANNEL),
    storedConversationSchema,
  );
/** Where the first event the bot got came from, as the adapter told it. */
const firstAddress = () => {
  const event = bot.events[0];
  return event && "address" in event ? event.address : undefined;
};
const announceInstall = async () => {
  expect((await teams.post(recorded("vercel-chat_installationUpdate_add.json"))).status).toBe(200);
  expect((await teams.post(recorded("vercel-chat_conversationUpdate_botAdded_team.json"))).status).toBe(200);
};
/**
 * Installed: the bot is told once that it joined (the real bot says hello then; this echo bot stays silent), and
 * starts with no events, so each test sees only what it is about.
 */
const install = async () => {
  const reply = bot.reply;
  bot.reply = () => [];
  await announceInstall();
  bot.reply = reply;
  expect(bot.events.map((e) => e.kind)).toEqual(["joined"]);
  bot.events.length = 0;
};

describe("conversation references", () => {
  it("stores the reference once when Teams announces an install twice (installationUpdate + conversationUpdate)", async () => {
    await install();
    const refKey = teams.keys.conversationRef({ platform: "teams", workspace: TENANT }, CHANNEL);
    expect(writes.filter((k) => k === refKey)).toHaveLength(1);
    expect(await stored()).toMatchObject({
      state: "installed",
      // What people call it, shown instead of its id (the org roll-up, the home list).
      name: "Acme Corp › Chat SDK",
      reference: {
        serviceUrl: teams.connector.serviceUrl,
        channelId: "msteams",
        conversation: { id: CHANNEL, tenantId: TENANT, conversationType: "channel", isGroup: true },
        bot: { id: BOT_ID },
      },
    });
    expect(bot.events).toEqual([]);
    expect(teams.connector.calls()).toEqual([]);
  });

  it("keeps the conversation's name when later messages (which do not carry it) refresh the reference", async () => {
    await install();
    await teams.store.update(
      teams.keys.conversationRef({ platform: "teams", workspace: TENANT }, CHANNEL),
      storedConversationSchema,
      (current) => (current ? { ...current, seenAt: "2020-01-01T00:00:00.000Z" } : undefined),
    );
    await teams.channelMessage("help");
    expect(await stored()).toMatchObject({ name: "Acme Corp › Chat SDK" });
    expect(Date.parse((await stored())?.seenAt ?? "")).toBeGreaterThan(Date.parse("2025-01-01"));
  });

  it("gives a channel's events the name stored at install: rounds opened there are titled with it", async () => {
    await install();
    await teams.channelMessage("start");
    expect(firstAddress()).toMatchObject({ channel: CHANNEL, name: "Acme Corp › Chat SDK" });
  });

  it("names a channel from the channel's own name in later activities, without replacing the install's", async () => {
    // A recorded card click carries the channel's name ("Chat SDK") but not its team's.
    const click = recorded("vercel-chat_channel_teams.json", "channel_post_action");
    await teams.post(click);
    await teams.channelMessage("start");
    expect(firstAddress()?.name).toBe("Chat SDK");
    bot.events.length = 0;
    await install();
    await teams.post({ ...click, id: "f:another" });
    expect(await stored()).toMatchObject({ name: "Acme Corp › Chat SDK" });
    await teams.channelMessage("start");
    expect(firstAddress()?.name).toBe("Acme Corp › Chat SDK");
  });

  it("names no personal chat: a person's own assessment is titled for them", async () => {
    await teams.directMessage("start");
    expect(firstAddress()).toMatchObject({ isDirect: true });
    expect(firstAddress()?.name).toBeUndefined();
  });

  it("ignores members joining who are not the bot", async () => {
    const joined = recorded("vercel-chat_conversationUpdate_botAdded_team.json");
    await teams.post({ ...joined, membersAdded: [{ id: "29:someone-else" }] });
    expect(await stored()).toBeUndefined();
  });

  it("keeps a reference seen within the day without writing it again, and stores one from a first message", async () => {
    await teams.channelMessage("help");
    await teams.channelMessage("status");
    const refKey = teams.keys.conversationRef({ platform: "teams", workspace: TENANT }, CHANNEL);
    expect(writes.filter((k) => k === refKey)).toHaveLength(1);
    expect((await stored())?.reference.conversation.id).toBe(CHANNEL);
  });

  it("marks the conversation uninstalled when the bot is removed from the team (conversationUpdate)", async () => {
    await install();
    const removed = { ...recorded("vercel-chat_conversationUpdate_botAdded_team.json"), membersAdded: undefined };
    await teams.post({
      ...removed,
      membersRemoved: [{ id: BOT_ID }],
      channelData: { tenant: { id: TENANT }, eventType: "teamMemberRemoved" },
    });
    expect((await stored())?.state).toBe("uninstalled");
  });

  it("marks the conversation uninstalled on installationUpdate remove, and sends nothing there afterwards", async () => {
    await install();
    await teams.post({ ...recorded("vercel-chat_installationUpdate_add.json"), action: "remove" });
    expect((await stored())?.state).toBe("uninstalled");
    await expect(teams.adapter.deliver(channel, nudge)).rejects.toMatchObject({ reason: "unreachable" });
    expect(teams.connector.calls()).toEqual([]);
  });
});

describe("proactive delivery", () => {
  it("posts a nudge into the channel through the stored reference", async () => {
    await install();
    await teams.adapter.deliver(channel, nudge);
    const [post] = teams.connector.calls(CHANNEL);
    expect(post).toMatchObject({ method: "POST", conversationId: CHANNEL });
    expect(textOf(cardOf(post))).toContain("Time to reassess");
  });

  it("returns the new message's id from sendProactive", async () => {
    await install();
    const id = await teams.adapter.sendProactive(channel, nudge.message);
    expect(id).toBe(teams.connector.calls(CHANNEL)[0]?.response.id);
  });

  it("reaches a person privately: opens the 1:1 chat through the team's reference once, then reuses it", async () => {
    await install();
    const reminder = notice("You have 3 questions left", { to: "private" });
    await teams.adapter.deliver(channel, reminder, TEST_USER.id);
    await teams.adapter.deliver(channel, reminder, TEST_USER.id);
    expect(teams.connector.calls(personalChatOf(TEST_USER)).map((c) => c.method)).toEqual(["create", "POST", "POST"]);
  });

  it("uses the 1:1 chat the person wrote in, without creating one", async () => {
    await teams.directMessage("help");
    await teams.adapter.deliver(channel, notice("Your assessment is waiting", { to: "private" }), TEST_USER.id);
    expect(teams.connector.calls().map((c) => [c.method, c.conversationId])).toEqual([
      ["POST", personalChatOf(TEST_USER)],
      ["POST", personalChatOf(TEST_USER)],
    ]);
  });

  it("rejects as unreachable when nothing is stored, without calling Teams", async () => {
    await expect(teams.adapter.deliver(channel, nudge)).rejects.toBeInstanceOf(DeliveryError);
    await expect(teams.adapter.deliver(channel, nudge)).rejects.toMatchObject({ reason: "unreachable" });
    expect(teams.connector.calls()).toEqual([]);
  });

  it.each([403, 404] as const)(
    "marks the conversation unreachable on %i and makes no call on the next attempt",
    async (status) => {
      await install();
      teams.connector.refuse(CHANNEL, status);
      await expect(teams.adapter.deliver(channel, nudge)).rejects.toMatchObject({ reason: "unreachable" });
      expect((await stored())?.state).toBe("unreachable");
      expect(teams.connector.refused(CHANNEL)).toHaveLength(1);

      await expect(teams.adapter.deliver(channel, nudge)).rejects.toMatchObject({ reason: "unreachable" });
      expect(teams.connector.refused(CHANNEL)).toHaveLength(1);
      expect(teams.connector.calls(CHANNEL)).toEqual([]);
    },
  );

  it("makes a conversation reachable again when someone writes there", async () => {
    await install();
    teams.connector.refuse(CHANNEL, 403, { times: 1 });
    await teams.adapter.deliver(channel, nudge).catch(() => undefined);
    await teams.channelMessage("status");
    expect((await stored())?.state).toBe("installed");
    await teams.adapter.deliver(channel, nudge);
    expect(teams.connector.calls(CHANNEL).some((c) => c.conversationId === CHANNEL)).toBe(true);
  });

  it("gets a 429 burst through: botbuilder's retries first, then the adapter's bounded ones", async () => {
    await install();
    // botbuilder retries a 429 three times itself; a burst of five still needs one more try from the adapter.
    teams.connector.refuse(CHANNEL, 429, { times: 5 });
    await teams.adapter.deliver(channel, nudge);
    expect(teams.connector.refused(CHANNEL)).toHaveLength(5);
    expect(teams.connector.calls(CHANNEL)).toHaveLength(1);
  });

  it("waits what Retry-After says before trying again", async () => {
    await install();
    teams.connector.refuse(CHANNEL, 429, { times: 1, retryAfterSec: 1 });
    const started = performance.now();
    await teams.adapter.deliver(channel, nudge);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(teams.connector.calls(CHANNEL)).toHaveLength(1);
  });

  it("gives up on a conversation that keeps answering 429: rate-limited, still reachable", async () => {
    await install();
    teams.connector.refuse(CHANNEL, 429);
    await expect(teams.adapter.deliver(channel, nudge)).rejects.toMatchObject({
      reason: "rate-limited",
      retryAfterMs: 0,
    });
    // 3 tries by the adapter, each retried 3 times by botbuilder: bounded, and the conversation stays usable.
    expect(teams.connector.refused(CHANNEL)).toHaveLength(12);
    expect((await stored())?.state).toBe("installed");
  });
});

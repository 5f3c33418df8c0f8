import { Redis } from "ioredis";
import { type Round, roundSchema } from "../../flows/rounds/round-state.js";
import { type ButtonAction, decodeAction, encodeAction } from "../../src/chat/actions.js";
import type { Logger } from "../../src/chat/ports.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { buttonClick, buttonsIn, commandFields, TEAM } from "../adapters/slack/harness.js";
import { nextActivityId, personalChat, teamsPerson } from "../adapters/teams/app-harness.js";
import { buttonsOf, recorded, CHANNEL as TEAMS_CHANNEL, TENANT } from "../adapters/teams/harness.js";
import { type SlackAppRun, startSlackApp } from "../app/slack-app-harness.js";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";
import { formBody, interactionBody } from "../fakes/slack-signing.js";
import { deleteKeys, REDIS_URL, uniquePrefix } from "../store/redis-helpers.js";

/**
 * The whole app (config -> createApp -> one HTTP server) with Slack and Teams on, over a real Redis under its own
 * prefix, and what the authorization tests need: people's moves on both platforms, what they were told, and a
 * snapshot of everything the app keeps, to show that a refused request changed nothing.
 */
export const SLACK_CHANNEL = "C00FAKECHAN3";
export { TEAM, TEAMS_CHANNEL, TENANT };

/** How long a request's sender waits for the bot's first reply before the tests look. */
const REPLY_WAIT_MS = 5000;
/**
 * Keys that record that a request was seen rather than what the team did: replay markers, cached profiles and
 * memberships, Teams conversation references (touched by every turn), and the few seconds' throttle on editing an
 * invitation (it expires on its own, mid-test). A refusal may write these; nothing else.
 */
const BOOKKEEPING = /:(event|user|member|conversation|invitation-refreshed)(:|$)/;

export interface AuthWorld {
  slack: SlackAppRun;
  connector: FakeBotConnector;
  redis: Redis;
  prefix: string;
  /** Every non-bookkeeping key under the prefix with its value (sets sorted, sorted sets with scores). */
  snapshot(): Promise<Record<string, string>>;
  /**
   * Wait until neither fake has heard anything new for a moment (Slack replies go out after the ack); with a mark,
   * first until something was heard after it (or REPLY_WAIT_MS passed: a replay is answered with nothing).
   */
  settle(since?: Mark): Promise<void>;
  /** Everything both fakes received from index marks on, as one string to search for what people were told. */
  heardSince(mark: Mark): string;
  mark(): Mark;
  /** How many calls to either fake since the mark carry this text (one message may carry it more than once). */
  messagesSince(mark: Mark, text: string): number;
  slackCommand(user: string, text: string, channel?: string): Promise<void>;
  slackClick(user: string, action: ButtonAction, channel: string): Promise<void>;
  teamsSay(who: string, text: string, conversation?: string): Promise<Response>;
  /** An Action.Execute invoke of a card button in `conversation`; answers with the invoke response's body. */
  teamsClick(who: string, action: ButtonAction, conversation: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface Mark {
  slack: number;
  teams: number;
}

async function storedValue(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  if (type === "set") return JSON.stringify((await redis.smembers(key)).sort());
  if (type === "zset") return JSON.stringify(await redis.zrange(key, 0, -1, "WITHSCORES"));
  return (await redis.get(key)) ?? "";
}

export async function startAuthWorld(
  options: { env?: Record<string, string>; logger?: Logger; name?: string } = {},
): Promise<AuthWorld> {
  const prefix = uniquePrefix(options.name ?? "auth");
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const connector = await startFakeBotConnector();
  const slack = await startSlackApp({
    env: { TEAMS_ENABLED: "true", KEY_PREFIX: prefix, ...options.env },
    store: createRedisStore(client),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const { api } = slack;
  const teamsPost = (activity: unknown) =>
    fetch(`${slack.origin}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
  // The bot is installed in the team: Teams sends the channel's conversation reference.
  await teamsPost({ ...recorded("vercel-chat_installationUpdate_add.json"), serviceUrl: connector.serviceUrl });
  const channelMention = recorded("vercel-chat_channel_teams.json", "mention");

  const world: AuthWorld = {
    slack,
    connector,
    redis,
    prefix,
    async snapshot() {
      const keys: string[] = [];
      let cursor = "0";
      do {
        const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
        cursor = next;
        keys.push(...found.filter((k) => !BOOKKEEPING.test(k)));
      } while (cursor !== "0");
      const entries = await Promise.all(keys.sort().map(async (k) => [k, await storedValue(redis, k)] as const));
      return Object.fromEntries(entries);
    },
    async settle(since) {
      const heard = () => api.calls().length + connector.calls().length;
      // The work after the ack ends with a reply: wait for one (a replay gets none), then for quiet.
      const started = Date.now();
      while (since && heard() <= since.slack + since.teams && Date.now() - started < REPLY_WAIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      for (let seen = -1; seen !== heard(); ) {
        seen = heard();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    mark: () => ({ slack: api.calls().length, teams: connector.calls().length }),
    messagesSince: (mark, text) =>
      [...api.calls().slice(mark.slack), ...connector.calls().slice(mark.teams)].filter((c) =>
        JSON.stringify(c).includes(text),
      ).length,
    heardSince: (mark) =>
      JSON.stringify([...api.calls().slice(mark.slack), ...connector.calls().slice(mark.teams)]).replace(/\\"/g, '"'),
    async slackCommand(user, text, channel = SLACK_CHANNEL) {
      const mark = world.mark();
      await slack.sign(formBody({ ...commandFields(api), channel_id: channel, user_id: user, user_name: user, text }));
      await world.settle(mark);
    },
    async slackClick(user, action, channel) {
      const mark = world.mark();
      await slack.sign(interactionBody(buttonClick(action, { user, channel })));
      await world.settle(mark);
    },
    teamsSay: (who, text, conversation = TEAMS_CHANNEL) =>
      teamsPost({
        ...channelMention,
        serviceUrl: connector.serviceUrl,
        from: teamsPerson(who),
        conversation: conversation.startsWith("a:")
          ? { id: conversation, conversationType: "personal", tenantId: TENANT }
          : { ...(channelMention.conversation as object), id: conversation },
        text: `<at>MLOps Assess</at> ${text}`,
        id: nextActivityId("m"),
      }),
    async teamsClick(who, action, conversation) {
      const personal = conversation === personalChat(who);
      const response = await teamsPost({
        type: "invoke",
        name: "adaptiveCard/action",
        id: nextActivityId("inv"),
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        from: teamsPerson(who),
        recipient: channelMention.recipient,
        conversation: personal
          ? { id: conversation, conversationType: "personal", tenantId: TENANT }
          : { id: conversation, conversationType: "channel", isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        value: {
          action: { type: "Action.Execute", verb: "ma", data: { ma: encodeAction(action) } },
          trigger: "manual",
        },
      });
      const body: unknown = await response.json().catch(() => undefined);
      await world.settle();
      return body;
    },
    async close() {
      await slack.close();
      await connector.close();
      await deleteKeys(redis, prefix);
      await Promise.all([client.quit().catch(() => undefined), redis.quit()]);
    },
  };
  return world;
}

/** The round a channel (or a person's personal scope) runs now, read as the app stored it. */
export async function roundIn(world: AuthWorld, platform: "slack" | "teams", channel: string): Promise<Round> {
  const workspace = platform === "slack" ? TEAM : TENANT;
  const raw = await world.redis.get(createKeys(world.prefix).openRound({ platform, workspace, channel }));
  if (!raw) throw new Error(`no round in ${channel}`);
  return roundSchema.parse(JSON.parse(raw));
}

/** The Join button of the latest invitation the bot posted in a Slack channel. */
export function slackJoin(world: AuthWorld, channel = SLACK_CHANNEL): ButtonAction {
  const invitation = world.slack.api
    .calls("chat.postMessage")
    .filter((c) => c.body.channel === channel)
    .findLast((c) => buttonsIn(c).some((b) => decodeAction(b.value)?.a === "join"));
  const action = decodeAction(
    buttonsIn(invitation as RecordedCall).find((b) => decodeAction(b.value)?.a === "join")?.value,
  );
  if (!action) throw new Error(`no invitation in ${channel}`);
  return action;
}

/** The Join button of the latest invitation the bot posted in a Teams channel. */
export function teamsJoin(world: AuthWorld, channel = TEAMS_CHANNEL): ButtonAction {
  const invitation = world.connector
    .calls(channel)
    .findLast((c) => buttonsOf(c.body).some((b) => b.action?.a === "join"));
  const action = buttonsOf(invitation?.body).find((b) => b.action?.a === "join")?.action;
  if (!action) throw new Error(`no invitation in ${channel}`);
  return action;
}

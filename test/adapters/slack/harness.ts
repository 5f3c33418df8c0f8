import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createSlackAdapter, SLACK_EVENTS_PATH, type SlackAdapter } from "../../../adapters/slack/slack-adapter.js";
import { intakePolicy } from "../../../flows/intake.js";
import { type ButtonAction, encodeAction } from "../../../src/chat/actions.js";
import type { ChatBot } from "../../../src/chat/ports.js";
import { createKeys, type Keys } from "../../../src/store/keys.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import type { Store } from "../../../src/store/store.js";
import { type FakeSlackApi, type RecordedCall, startFakeSlackApi } from "../../fakes/fake-slack-api.js";
import { recordingLogger } from "../../fakes/recording-logger.js";
import { FORM, formBody, interactionBody, JSON_TYPE, type PostResult, postSigned } from "../../fakes/slack-signing.js";

export { recordingLogger };

/**
 * The Slack adapter mounted on a node:http server the test owns (as the app's one server does), talking to a
 * loopback fake of the Web API. Reusable by any test that drives a ChatBot through Slack over real HTTP.
 */
export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEAM = "T00FAKE00BB";
export const CHANNEL = "C00FAKECHAN3";
export const USER = "U00FAKEUSER2";
export const BOT_USER = "U00FAKEBOT03";

export const fixture = (name: string): string => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
export const jsonFixture = (name: string): Record<string, unknown> => JSON.parse(fixture(name));

export interface SlackHarnessOptions {
  bot: ChatBot;
  store?: Store;
  keys?: Keys;
  /** Retries of the Web API client; 0 (default) so a fake 429 fails at once. */
  apiRetries?: number;
}

export interface SendOptions {
  headers?: Record<string, string>;
  timestamp?: number;
  signature?: string;
}

export interface SlackHarness {
  /** http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  api: FakeSlackApi;
  adapter: SlackAdapter;
  store: Store;
  keys: Keys;
  logger: ReturnType<typeof recordingLogger>;
  /** A signed slash command; fields default to a recorded command in #C00FAKECHAN3 by U00FAKEUSER2. */
  command(fields?: Record<string, string>, options?: SendOptions): Promise<PostResult>;
  /** A signed interaction payload (block_actions, …) sent as `payload=<json>`. */
  interaction(payload: unknown, options?: SendOptions): Promise<PostResult>;
  /** A signed Events API envelope sent as JSON. */
  event(envelope: unknown, options?: SendOptions): Promise<PostResult>;
  post(body: string, contentType: string, options?: SendOptions): Promise<PostResult>;
  close(): Promise<void>;
}

export async function startSlackHarness(options: SlackHarnessOptions): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const store = options.store ?? createMemoryStore();
  const keys = options.keys ?? createKeys("slack-test");
  const logger = recordingLogger();
  const adapter = createSlackAdapter({
    signingSecret: TEST_SIGNING_SECRET,
    botToken: "xoxb-test-token",
    apiUrl: api.apiUrl,
    botId: "B00FAKEBOT03",
    botUserId: BOT_USER,
    bot: options.bot,
    intake: intakePolicy,
    store,
    keys,
    logger,
    apiRetries: options.apiRetries ?? 0,
  });
  const server: Server = createServer((req, res) => {
    if (req.url?.split("?")[0] === SLACK_EVENTS_PATH && req.method === "POST") return adapter.handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`;

  const post = (body: string, contentType: string, o: SendOptions = {}) =>
    postSigned(eventsUrl, { secret: TEST_SIGNING_SECRET, body, contentType, ...o });
  return {
    eventsUrl,
    api,
    adapter,
    store,
    keys,
    logger,
    post,
    command: (fields = {}, o) => post(formBody({ ...commandFields(api), ...fields }), FORM, o),
    interaction: (payload, o) => post(interactionBody(payload), FORM, o),
    event: (envelope, o) => post(JSON.stringify(envelope), JSON_TYPE, o),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}

/** The recorded slash command (fixtures/vercel-chat_slash-commands_slack.json) as /mlops-assess, replies to the fake. */
let invocations = 0;

/**
 * A slash command's fields, shaped like the recorded one. Slack gives every invocation its own trigger_id, so two
 * commands typed alike are two bodies; the same body twice is a replay (answered once).
 */
export function commandFields(api: FakeSlackApi): Record<string, string> {
  const recorded = jsonFixture("vercel-chat_slash-commands_slack.json").slashCommand as Record<string, string>;
  return {
    ...recorded,
    command: "/mlops-assess",
    response_url: api.responseUrl("command"),
    trigger_id: `${recorded.trigger_id}.${++invocations}`,
  };
}

/** A block_actions click on one of our buttons, shaped like the recorded one in fixtures/vercel-chat_modals_slack.json. */
export function buttonClick(
  action: ButtonAction,
  where: {
    channel?: string;
    messageTs?: string;
    user?: string;
    ephemeral?: boolean;
    actionId?: string;
    responseUrl?: string;
  } = {},
): Record<string, unknown> {
  const recorded = jsonFixture("vercel-chat_modals_slack.json").action as Record<string, unknown>;
  const channel = where.channel ?? CHANNEL;
  const messageTs = where.messageTs ?? "1769220161.503009";
  return {
    ...recorded,
    user: { id: where.user ?? USER, username: "jane.smith", name: "jane.smith", team_id: TEAM },
    container: { type: "message", message_ts: messageTs, channel_id: channel, is_ephemeral: where.ephemeral ?? false },
    channel: { id: channel, name: "assessments" },
    response_url: where.responseUrl ?? "https://hooks.slack.com/actions/T00FAKE00BB/1/x",
    actions: [
      {
        type: "button",
        action_id: where.actionId ?? "ma:answer:1",
        block_id: "b1",
        text: { type: "plain_text", text: "1", emoji: true },
        value: encodeAction(action),
        action_ts: "1769220166.113300",
      },
    ],
  };
}

/** A `message.im` event envelope (shape of Slack's documented example; no recording of one was available). */
export function directMessage(text: string, extra: Record<string, unknown> = {}, eventId = "Ev0DMTEXT001") {
  return {
    token: "zCdEfGhIjKlMnOpQrStUvWxY",
    team_id: TEAM,
    api_app_id: "A00FAKEAPP03",
    type: "event_callback",
    event_id: eventId,
    event_time: 1771460700,
    event: {
      type: "message",
      channel: "D00FAKEDM001",
      channel_type: "im",
      user: USER,
      text,
      ts: "1771460700.000100",
      event_ts: "1771460700.000100",
      ...extra,
    },
  };
}

/** The buttons of a recorded chat.postMessage / chat.update / views.publish call: action_id, label and value. */
export function buttonsIn(call: RecordedCall): Array<{ actionId: string; label: string; value: string }> {
  type Element = { type: string; action_id?: string; text?: { text: string }; value?: string };
  const blocks = (call.body.blocks ?? (call.body.view as { blocks?: unknown })?.blocks ?? []) as Array<{
    type: string;
    elements?: Element[];
    accessory?: Element;
  }>;
  // Rows of buttons, and the button beside a section (one answer per line).
  return blocks
    .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : b.accessory ? [b.accessory] : []))
    .map((e) => ({ actionId: e.action_id ?? "", label: e.text?.text ?? "", value: e.value ?? "" }));
}

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { TokenAuthority } from "../../../adapters/teams/authentication.js";
import { TEAMS_MESSAGES_PATH } from "../../../adapters/teams/messages-path.js";
import { createTeamsAdapter, type TeamsAdapter } from "../../../adapters/teams/teams-adapter.js";
import type { ChatBot, Clock } from "../../../src/chat/ports.js";
import { createKeys, type Keys } from "../../../src/store/keys.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import type { Store } from "../../../src/store/store.js";
import { type FakeBotConnector, startFakeBotConnector } from "../../fakes/fake-bot-connector.js";
import { recordingLogger } from "../../fakes/recording-logger.js";

export { buttonsOf, type CardButton, cardOf, textOf } from "./cards.js";
export { recordingLogger };

/**
 * The Teams adapter mounted on a node:http server the test owns (as the app's one server does), replying to a
 * loopback fake of the Bot Connector. Reusable by any test that drives a ChatBot through Teams over real HTTP.
 */
export const TENANT = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
export const CHANNEL = "19:d441d38c655c47a085215b2726e76927@thread.tacv2";
export const BOT_ID = "28:11111111-2222-3333-4444-555555555555";
export const USER_ID = "29:1xXxFakeUserBase64IdStringForTeamsPlatformAbcDeFgHiJkLmNoPqRsTuVwXyZ012345ABCDEF";

type Activity = Record<string, unknown>;

export const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8"));
/** One recorded activity: a whole file, or one key of a file holding several. */
export const recorded = (name: string, key?: string): Activity =>
  structuredClone((key ? fixture(name)[key] : fixture(name)) as Activity);

export interface TeamsHarnessOptions {
  bot: ChatBot;
  store?: Store;
  keys?: Keys;
  /** Set to turn authentication on (requests then need a Bot Framework token). */
  appId?: string;
  /** Where botbuilder fetches the token signing keys (a loopback OpenID server); default Microsoft's. */
  authority?: TokenAuthority;
  clock?: Clock;
}

export interface PostResult {
  status: number;
  text: string;
  /** The JSON body, when there is one (invoke responses). */
  json: unknown;
}

export interface Person {
  id: string;
  name: string;
}

export interface TeamsHarness {
  /** http://127.0.0.1:<port>/api/messages */
  url: string;
  connector: FakeBotConnector;
  adapter: TeamsAdapter;
  store: Store;
  keys: Keys;
  logger: ReturnType<typeof recordingLogger>;
  /** POST an activity as JSON; `serviceUrl` is pointed at the fake connector. */
  post(activity: Activity, headers?: Record<string, string>): Promise<PostResult>;
  /** "@bot <text>" in the team channel (a new thread), in the recorded shape. */
  channelMessage(text: string, from?: Person): Promise<PostResult>;
  /** `<text>` in the person's 1:1 chat with the bot, in the recorded shape. */
  directMessage(text: string, from?: Person): Promise<PostResult>;
  /** An Action.Submit of our button data on the card message `replyToId` (older clients). */
  submit(data: unknown, where: { conversationId: string; replyToId: string; from?: Person }): Promise<PostResult>;
  /** An `adaptiveCard/action` invoke (Universal Actions) with our button data. */
  invoke(data: unknown, where: { conversationId: string; replyToId?: string; from?: Person }): Promise<PostResult>;
  close(): Promise<void>;
}

export const TEST_USER: Person = { id: USER_ID, name: "Test User" };
export const personalChatOf = (person: Person) => `a:personal-${person.id}`;

export async function startTeamsHarness(options: TeamsHarnessOptions): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector();
  const store = options.store ?? createMemoryStore();
  const keys = options.keys ?? createKeys("teams-test");
  const logger = recordingLogger();
  const adapter = createTeamsAdapter({
    ...(options.appId ? { appId: options.appId, appPassword: "test-password" } : {}),
    ...(options.authority ? { authority: options.authority } : {}),
    bot: options.bot,
    store,
    keys,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
  });
  const server: Server = createServer((req, res) => {
    if (req.url?.split("?")[0] === TEAMS_MESSAGES_PATH && req.method === "POST") return adapter.handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${TEAMS_MESSAGES_PATH}`;

  let sequence = 0;
  const nextId = () => String(1771290200000 + ++sequence);
  const account = (from: Person) => ({
    id: from.id,
    name: from.name,
    aadObjectId: "00000000-1111-2222-3333-444444444444",
  });

  async function post(activity: Activity, headers: Record<string, string> = {}): Promise<PostResult> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ ...activity, serviceUrl: connector.serviceUrl }),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }

  /** The recorded Action.Submit, moved to `conversationId` (a channel thread or a 1:1 chat). */
  function cardActivity(conversationId: string, from: Person): Activity {
    const base = recorded("vercel-chat_channel_teams.json", "channel_post_action");
    const personal = conversationId.startsWith("a:");
    return {
      ...base,
      id: `f:${nextId()}`,
      from: account(from),
      conversation: personal
        ? { conversationType: "personal", tenantId: TENANT, id: conversationId }
        : { ...(base.conversation as object), id: conversationId },
      ...(personal ? { channelData: { tenant: { id: TENANT } } } : {}),
    };
  }

  return {
    url,
    connector,
    adapter,
    store,
    keys,
    logger,
    post,
    channelMessage(text, from = TEST_USER) {
      const base = recorded("vercel-chat_channel_teams.json", "mention");
      const id = nextId();
      return post({
        ...base,
        id,
        text: `<at>Chat SDK Demo</at> ${text}`,
        from: account(from),
        conversation: { ...(base.conversation as object), id: `${CHANNEL};messageid=${id}` },
      });
    },
    directMessage(text, from = TEST_USER) {
      const base = recorded("vercel-chat_dm_teams.json", "dmMessage");
      return post({
        ...base,
        id: nextId(),
        text,
        from: account(from),
        conversation: { conversationType: "personal", tenantId: TENANT, id: personalChatOf(from) },
      });
    },
    submit(data, where) {
      return post({
        ...cardActivity(where.conversationId, where.from ?? TEST_USER),
        value: data,
        replyToId: where.replyToId,
      });
    },
    invoke(data, where) {
      const {
        text: _text,
        value: _value,
        replyToId: _replyToId,
        ...base
      } = cardActivity(where.conversationId, where.from ?? TEST_USER);
      return post({
        ...base,
        type: "invoke",
        name: "adaptiveCard/action",
        ...(where.replyToId ? { replyToId: where.replyToId } : {}),
        value: { action: { type: "Action.Execute", verb: "ma", data }, trigger: "manual" },
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}

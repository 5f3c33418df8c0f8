import { expect } from "vitest";
import { readConfig } from "../../../app/config.js";
import { createApp, type RunningApp } from "../../../app/create-app.js";
import type { Clock } from "../../../src/chat/ports.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import type { Store } from "../../../src/store/store.js";
import { type ConnectorCall, type FakeBotConnector, startFakeBotConnector } from "../../fakes/fake-bot-connector.js";
import { quietLogger } from "../../flows/harness.js";
import { buttonsOf, recorded, TENANT } from "./harness.js";

/**
 * The whole app (config -> createApp -> one HTTP server) with Teams on, replying to a fake Bot Connector on
 * loopback, and the moves a person makes there: a channel mention, and clicking through their questions.
 */
const channelMention = recorded("vercel-chat_channel_teams.json", "mention");

let activities = 0;
/** Teams gives every activity its own id; the same id twice is a replay (answered once). */
export const nextActivityId = (kind: string) => `${kind}-${++activities}`;

export const teamsPerson = (id: string) => ({ id: `29:${id}`, name: id });
export const personalChat = (who: string) => `a:personal-29:${who}`;

export interface TeamsAppRun {
  connector: FakeBotConnector;
  app: RunningApp;
  /** The app's base URL on loopback. */
  origin: string;
  post(activity: unknown): Promise<Response>;
  /** "@MLOps Assess <text>" in the team channel, in the recorded shape. */
  say(who: string, text: string): Promise<Response>;
  /**
   * Answer every question in the person's 1:1 chat with `adaptiveCard/action` invokes, the option of index `option`
   * (or `option(i)` for the i-th question); the last card shown.
   */
  answerAll(who: string, option: number | ((question: number) => number)): Promise<unknown>;
  close(): Promise<void>;
}

export async function startTeamsApp(
  env: Record<string, string>,
  /** A store of the test's own (a real Redis) and an injected clock; default: memory and the system clock. */
  options: { store?: Store; clock?: Clock } = {},
): Promise<TeamsAppRun> {
  const connector = await startFakeBotConnector();
  const app = await createApp({
    config: readConfig(env),
    logger: process.env.DEBUG_TEAMS ? { ...quietLogger, warn: console.log, error: console.log } : quietLogger,
    store: options.store ?? createMemoryStore(),
    ...(options.clock ? { clock: options.clock } : {}),
    cron: false,
  });
  const origin = await app.listen(0, "127.0.0.1");
  const post = (activity: unknown) =>
    fetch(`${origin}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
  return {
    connector,
    app,
    origin,
    post,
    say: (who, text) =>
      post({
        ...channelMention,
        serviceUrl: connector.serviceUrl,
        from: teamsPerson(who),
        text: `<at>MLOps Assess</at> ${text}`,
        id: nextActivityId("m"),
      }),
    async answerAll(who, option) {
      const conversationId = personalChat(who);
      let card: unknown = (connector.calls(conversationId).at(-1) as ConnectorCall | undefined)?.body;
      for (let i = 0; i < 12; i++) {
        const answer = buttonsOf(card).filter((b) => b.action?.a === "answer")[
          typeof option === "number" ? option : option(i)
        ];
        if (!answer) return card;
        const response = await post({
          type: "invoke",
          name: "adaptiveCard/action",
          id: nextActivityId(`inv-${who}-${i}`),
          channelId: "msteams",
          serviceUrl: connector.serviceUrl,
          from: teamsPerson(who),
          recipient: channelMention.recipient,
          conversation: { id: conversationId, conversationType: "personal", tenantId: TENANT },
          channelData: { tenant: { id: TENANT } },
          value: { action: { type: "Action.Execute", verb: "ma", data: answer.data }, trigger: "manual" },
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { type: string; value: unknown };
        expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
        card = { attachments: [{ content: body.value }] };
      }
      return card;
    },
    async close() {
      await app.close();
      await connector.close();
    },
  };
}

import { Redis } from "ioredis";
import { createRedisStore } from "../../src/store/redis-store.js";
import { personalChat, startTeamsApp, type TeamsAppRun, teamsPerson } from "../adapters/teams/app-harness.js";
import { buttonsOf, CHANNEL, recorded, TENANT, textOf } from "../adapters/teams/harness.js";
import type { ConnectorCall } from "../fakes/fake-bot-connector.js";
import { REDIS_URL } from "../store/redis-helpers.js";

const mention = recorded("vercel-chat_channel_teams.json", "mention");

/** A TextBlock's Markdown as people read it: the escapes taken off. */
export const plain = (text: string) => text.replace(/\\(.)/g, "$1");
export const cardText = (card: unknown) => plain(textOf(card));

export interface TeamsLoop {
  run: TeamsAppRun;
  redis: Redis;
  setNow(date: Date): void;
  say(who: string, words: string): Promise<void>;
  /** Cards the bot posted into a conversation (a channel, or `personalChat(who)`). */
  cards(conversation: string): unknown[];
  /**
   * Click a card's button titled `title` (Action.Execute, an adaptiveCard/action invoke) from `conversation`, with
   * `inputs` merged into its data as Teams does for a form; the card the invoke answered with.
   */
  click(
    who: string,
    conversation: string,
    card: unknown,
    title: string,
    inputs?: Record<string, string>,
  ): Promise<unknown>;
  close(): Promise<void>;
}

export async function startTeamsLoop(prefix: string): Promise<TeamsLoop> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let now = new Date("2026-11-23T09:00:00.000Z");
  const run = await startTeamsApp(
    { TEAMS_ENABLED: "true", KEY_PREFIX: prefix },
    { store: createRedisStore(redis), clock: () => new Date(now) },
  );
  await run.post({ ...recorded("vercel-chat_installationUpdate_add.json"), serviceUrl: run.connector.serviceUrl });
  let invokes = 0;
  const cards = (conversation: string) =>
    run.connector
      .calls(conversation)
      .filter((c: ConnectorCall) => (c.body as { attachments?: unknown }).attachments)
      .map((c) => c.body);
  return {
    run,
    redis,
    setNow(date) {
      now = date;
    },
    async say(who, words) {
      const response = await run.say(who, words);
      if (response.status !== 200) throw new Error(`say answered ${response.status}`);
    },
    cards,
    async click(who, conversation, card, title, inputs = {}) {
      const button = buttonsOf(card).find((b) => b.title === title);
      if (!button) throw new Error(`no "${title}" button on that card`);
      const personal = conversation.startsWith("a:personal-");
      const response = await run.post({
        type: "invoke",
        name: "adaptiveCard/action",
        id: `inv-${who}-${++invokes}`,
        channelId: "msteams",
        serviceUrl: run.connector.serviceUrl,
        from: teamsPerson(who),
        recipient: mention.recipient,
        conversation: personal
          ? { id: conversation, conversationType: "personal", tenantId: TENANT }
          : { ...(mention.conversation as object), id: conversation },
        channelData: personal ? { tenant: { id: TENANT } } : mention.channelData,
        value: {
          action: { type: "Action.Execute", verb: "ma", data: { ...(button.data as object), ...inputs } },
          trigger: "manual",
        },
      });
      if (response.status !== 200) throw new Error(`invoke answered ${response.status}`);
      const body = (await response.json()) as { type: string; value: unknown };
      return body.type === "application/vnd.microsoft.card.adaptive"
        ? { attachments: [{ content: body.value }] }
        : body.value;
    },
    async close() {
      await run.close();
    },
  };
}

export { CHANNEL, personalChat };

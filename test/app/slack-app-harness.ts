import { expect } from "vitest";
import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import { decodeAction } from "../../src/chat/actions.js";
import type { Logger } from "../../src/chat/ports.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import type { Store } from "../../src/store/store.js";
import { buttonClick, buttonsIn, commandFields, TEST_SIGNING_SECRET } from "../adapters/slack/harness.js";
import { type FakeSlackApi, type RecordedCall, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { FORM, formBody, interactionBody, type PostResult, postSigned } from "../fakes/slack-signing.js";
import { quietLogger } from "../flows/harness.js";

/**
 * The whole app as deployed (config -> createApp -> one HTTP server), Slack pointed at a fake Web API on loopback,
 * and the few moves a person makes: a slash command, and clicking through the questions the bot posted.
 */
export interface SlackAppRun {
  api: FakeSlackApi;
  app: RunningApp;
  /** The app's base URL on loopback. */
  origin: string;
  setNow(date: Date): void;
  sign(body: string): Promise<PostResult>;
  command(user: string, text: string): Promise<PostResult>;
  dmOf(user: string): Promise<string>;
  /** The latest message the conversation shows (posted or edited); replies in threads are not in it. */
  latestIn(channel: string): RecordedCall | undefined;
  answerEverything(user: string, option: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackApp(
  options: { env?: Record<string, string>; store?: Store; logger?: Logger } = {},
): Promise<SlackAppRun> {
  const api = await startFakeSlackApi();
  let now = new Date("2026-11-23T09:00:00.000Z");
  const config = readConfig({
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: api.apiUrl,
    SLACK_BOT_ID: "B00FAKEBOT03",
    SLACK_BOT_USER_ID: "U00FAKEBOT03",
    PUBLIC_URL: "https://mlops-assess.example.com",
    CHART_SECRET: "chart-secret-for-tests-only",
    ...options.env,
  });
  const app = await createApp({
    config,
    logger: options.logger ?? quietLogger,
    store: options.store ?? createMemoryStore(),
    clock: () => new Date(now),
    cron: false,
  });
  const origin = await app.listen(0, "127.0.0.1");
  const url = `${origin}/slack/events`;
  const secret = config.SLACK_SIGNING_SECRET ?? TEST_SIGNING_SECRET;
  const sign = (body: string) => postSigned(url, { secret, body, contentType: FORM });
  const dmOf = async (user: string) => {
    const open = api.calls("conversations.open").find((c) => String(c.body.users) === user);
    return String(open?.response?.channel && (open.response.channel as { id: string }).id);
  };
  const latestIn = (channel: string): RecordedCall | undefined =>
    [...api.calls()]
      .reverse()
      .find(
        (c) => ["chat.postMessage", "chat.update"].includes(c.method) && c.body.channel === channel && !api.inThread(c),
      );

  return {
    api,
    app,
    origin,
    setNow(date) {
      now = date;
    },
    sign,
    command: (user, text) => sign(formBody({ ...commandFields(api), user_id: user, user_name: user, text })),
    dmOf,
    latestIn,
    async answerEverything(user, option) {
      const dm = await dmOf(user);
      for (let i = 0; i < 12; i++) {
        const question = latestIn(dm);
        const button = buttonsIn(question!).find((b) => b.actionId.endsWith(`answer:${option}`));
        if (!button) return;
        const action = decodeAction(button.value);
        const updates = api.calls("chat.update").length;
        const at = {
          channel: dm,
          messageTs: String(question?.response?.ts ?? question?.body.ts),
          user,
          actionId: button.actionId,
        };
        expect((await sign(interactionBody(buttonClick(action!, at)))).status).toBe(200);
        await api.waitFor("chat.update", updates + 1);
      }
    },
    async close() {
      // Closing a store whose server is gone (outage tests) fails; the fake API must close all the same.
      await app.close().catch(() => undefined);
      await api.close();
    },
  };
}

import { expect } from "vitest";
import { decodeAction } from "../../src/chat/actions.js";
import { buttonClick, buttonsIn, commandFields, TEST_SIGNING_SECRET } from "../adapters/slack/harness.js";
import { buttonsOf, cardOf } from "../adapters/teams/harness.js";
import type { FakeBotConnector } from "../fakes/fake-bot-connector.js";
import type { FakeSlackApi, RecordedCall } from "../fakes/fake-slack-api.js";
import { FORM, formBody, interactionBody, postSigned } from "../fakes/slack-signing.js";
import { activityFrom, personalChatOf } from "./teams-requests.js";

/**
 * Well-behaved people, before and after the corpus: they type the command and click the buttons the bot actually
 * sent them, through the same endpoints, and wait for the bot's answer each time.
 */
async function until<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function slackPeople(eventsUrl: string, api: FakeSlackApi, team: string) {
  const sign = (body: string) => postSigned(eventsUrl, { secret: TEST_SIGNING_SECRET, body, contentType: FORM });
  const dmOf = (user: string) =>
    until(() => {
      const open = api.calls("conversations.open").find((c) => String(c.body.users) === user);
      return (open?.response?.channel as { id: string } | undefined)?.id;
    }, `a DM with ${user}`);
  // Replies in threads (a result's details) are not what the conversation shows.
  const latestIn = (channel: string, after: number): RecordedCall | undefined =>
    api
      .calls()
      .slice(after)
      .reverse()
      .find(
        (c) => ["chat.postMessage", "chat.update"].includes(c.method) && c.body.channel === channel && !api.inThread(c),
      );

  return {
    /** `/mlops-assess <text>` in a channel; resolves once the bot has answered in some way. */
    async command(user: string, channel: string, text: string): Promise<void> {
      const before = api.calls().length;
      const fields = {
        ...commandFields(api),
        team_id: team,
        channel_id: channel,
        user_id: user,
        user_name: user,
        text,
      };
      expect((await sign(formBody(fields))).status).toBe(200);
      await until(() => (api.calls().length > before ? true : undefined), `an answer to "${text}" from ${user}`);
    },

    /** Answer `count` questions in the person's DM (all when omitted) with option `option`; the last card's call. */
    async answer(user: string, option: number, count = Number.POSITIVE_INFINITY): Promise<RecordedCall> {
      const dm = await dmOf(user);
      let seen = 0;
      let question = await until(() => latestIn(dm, seen), `a question in ${dm}`);
      for (let answered = 0; answered < count; answered++) {
        const button = buttonsIn(question).find((b) => b.actionId.endsWith(`answer:${option}`));
        if (!button) break;
        seen = api.calls().length;
        const at = {
          channel: dm,
          messageTs: String(question.response?.ts ?? question.body.ts),
          user,
          actionId: button.actionId,
        };
        const action = decodeAction(button.value);
        if (!action) throw new Error(`undecodable button ${button.value}`);
        expect((await sign(interactionBody(buttonClick(action, at)))).status).toBe(200);
        question = await until(() => latestIn(dm, seen), `the question after ${button.actionId} for ${user}`);
      }
      return question;
    },
  };
}

export function teamsPeople(url: string, connector: FakeBotConnector, tenant: string) {
  let sequence = 0;
  const post = async (activity: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...activity, serviceUrl: connector.serviceUrl }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    return text ? (JSON.parse(text) as { value?: unknown }) : undefined;
  };
  const person = (user: string) => ({ id: user, name: user });

  return {
    /** "@bot <text>" in a channel (a new thread). */
    async say(user: string, channel: string, text: string): Promise<void> {
      const before = connector.calls().length;
      await post(
        activityFrom(person(user).id, { channel, thread: `t${++sequence}` }, tenant).mention(text, `m${sequence}`),
      );
      await until(() => (connector.calls().length > before ? true : undefined), `an answer to "${text}" from ${user}`);
    },

    /** Answer `count` questions (all when omitted) from the card in the person's 1:1 chat; returns the last card. */
    async answer(user: string, option: number, count = Number.POSITIVE_INFINITY): Promise<unknown> {
      let card: unknown = await until(
        () =>
          cardOf(
            connector
              .calls(personalChatOf(user))
              .filter((c) => c.method === "POST")
              .at(-1),
          ),
        `a question card for ${user}`,
      );
      const invoke = activityFrom(user, "personal", tenant).invoke;
      for (let answered = 0; answered < count; answered++) {
        const button = buttonsOf(card).filter((b) => b.action?.a === "answer")[option];
        if (!button) break;
        const response = await post(invoke(button.data, `inv${++sequence}`));
        card = response?.value;
      }
      return card;
    },
  };
}

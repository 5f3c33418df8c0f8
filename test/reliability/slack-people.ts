import { type ButtonAction, decodeAction } from "../../src/chat/actions.js";
import {
  buttonClick,
  buttonsIn,
  CHANNEL,
  commandFields,
  TEAM,
  TEST_SIGNING_SECRET,
} from "../adapters/slack/harness.js";
import type { FakeSlackApi, RecordedCall } from "../fakes/fake-slack-api.js";
import { FORM, formBody, interactionBody, JSON_TYPE, type PostResult, postSigned } from "../fakes/slack-signing.js";

/**
 * People in a Slack workspace using the real app over signed HTTP, as Slack would deliver their commands and
 * clicks. What a person sees is read back from the fake Web API, so every click is on a button the app really
 * sent. `url` is a function because some tests move people to a restarted app.
 */
export interface Workspace {
  team: string;
  channel: string;
}

/** The fake answers chat.postMessage to a user id with the DM `D…`; conversations.open does the same. */
export const dmOf = (user: string) => `D${user.slice(1)}`;

const SHOWN = new Set(["chat.postMessage", "chat.update"]);

/** `3/8 · Topic: prompt` (the fallback text of a question) as { index: 3, total: 8 }. */
export function progressOf(call: RecordedCall | undefined): { index: number; total: number } | undefined {
  const match = String(call?.body.text ?? "").match(/^(\d+)\/(\d+) · /);
  return match ? { index: Number(match[1]), total: Number(match[2]) } : undefined;
}

/** The personal or team result: its header is the headline level. */
export const isResult = (call: RecordedCall | undefined) =>
  JSON.stringify(call?.body.blocks ?? []).includes('"text":"Level ');

/** The screen shows the question after `index`, or the result. */
export const advancedFrom = (call: RecordedCall | undefined, index: number) =>
  isResult(call) || (progressOf(call)?.index ?? 0) > index;

export const textOf = (calls: readonly RecordedCall[]) => JSON.stringify(calls.map((c) => c.body));

export function slackPeople(api: FakeSlackApi, url: () => string, where: Workspace = { team: TEAM, channel: CHANNEL }) {
  const sign = (body: string): Promise<PostResult> =>
    postSigned(url(), { secret: TEST_SIGNING_SECRET, body, contentType: FORM });

  /**
   * The signed form body of a click by `user` on the button of `call` that `pick` chooses. `forge` replaces what a
   * hostile client could: the button's value, the channel it claims the message is in, the user's home team.
   */
  function clickBody(
    user: string,
    call: RecordedCall,
    pick: (actionId: string) => boolean,
    forge: { action?: ButtonAction; channel?: string; userTeam?: string } = {},
  ): string {
    const button = buttonsIn(call).find((b) => pick(b.actionId));
    const action = forge.action ?? decodeAction(button?.value);
    if (!button || !action) throw new Error(`no such button for ${user} in ${String(call.body.text)}`);
    const click = buttonClick(action, {
      channel: forge.channel ?? String(call.body.channel),
      messageTs: String(call.response?.ts ?? call.body.ts),
      user,
      actionId: button.actionId,
    });
    const person = click.user as Record<string, unknown>;
    return interactionBody({
      ...click,
      team: { id: where.team, domain: where.team.toLowerCase() },
      user: { ...person, team_id: forge.userTeam ?? where.team },
    });
  }

  /** The latest message the person sees in their DM with the app (questions are updated there in place). */
  const screen = (user: string): RecordedCall | undefined => {
    // From the end: this runs in every poll of every person, over thousands of calls in the crowd test.
    const calls = api.calls();
    const dm = dmOf(user);
    for (let i = calls.length - 1; i >= 0; i--) {
      const call = calls[i];
      if (call && SHOWN.has(call.method) && call.body.channel === dm && !api.inThread(call)) return call;
    }
    return undefined;
  };

  const commandBody = (user: string, text: string, channel = where.channel) =>
    formBody({ ...commandFields(api), team_id: where.team, channel_id: channel, user_id: user, user_name: user, text });
  const command = (user: string, text: string, channel = where.channel) => sign(commandBody(user, text, channel));

  return {
    where,
    sign,
    commandBody,
    command,
    /** A signed Events API envelope; `retry` > 0 adds Slack's retry headers. */
    event: (envelope: unknown, retry = 0) =>
      postSigned(url(), {
        secret: TEST_SIGNING_SECRET,
        body: JSON.stringify(envelope),
        contentType: JSON_TYPE,
        ...(retry > 0
          ? { headers: { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } }
          : {}),
      }),
    clickBody,
    /** Click the button of `call` that `pick` chooses (by action id). */
    click: (user: string, call: RecordedCall, pick: (actionId: string) => boolean) => sign(clickBody(user, call, pick)),
    screen,
    /** `opener` runs `/mlops-assess` in the channel, the others click Take the assessment; all see question 1. */
    async openRound(opener: string, joiners: readonly string[] = []): Promise<RecordedCall> {
      const invited = () => api.calls("chat.postMessage").find((c) => c.body.channel === where.channel);
      const ack = await command(opener, "");
      if (ack.status !== 200) throw new Error(`/mlops-assess got HTTP ${ack.status}`);
      await until(() => invited()?.response !== undefined, "the round invitation");
      const invitation = invited()!;
      await Promise.all(joiners.map((p) => sign(clickBody(p, invitation, (id) => id.endsWith("join")))));
      await until(
        () => [opener, ...joiners].every((p) => progressOf(screen(p))?.index === 1),
        "everyone's first question",
        20_000,
      );
      return invitation;
    },
    /** Click option `pick(question index)` on the question on screen and wait until the next one is shown. */
    async answer(user: string, pick: (index: number) => number): Promise<void> {
      const shown = screen(user);
      const at = progressOf(shown)?.index;
      if (!shown || at === undefined) throw new Error(`${user} has no question on screen`);
      const ack = await sign(clickBody(user, shown, option(pick(at))));
      if (ack.status !== 200) throw new Error(`click by ${user} got HTTP ${ack.status}`);
      await until(() => advancedFrom(screen(user), at), `${user} to get past question ${at}`);
    },
  };
}

/** Poll (every 20 ms) until `check` holds; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The option (1-based) a question shows as the person's current answer (its button is ticked). */
export function selectedOption(call: RecordedCall | undefined): number | undefined {
  type Button = { action_id?: string; text?: { text?: string } };
  const blocks = (call?.body.blocks ?? []) as Array<{ elements?: Button[]; accessory?: Button }>;
  const chosen = blocks
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .find((e) => e.text?.text?.startsWith("✓"));
  const n = chosen?.action_id?.match(/answer:(\d+)$/)?.[1];
  return n === undefined ? undefined : Number(n);
}

/** Wait until the app has answered everything it was sent: `count` (of calls it made) stops growing for 150 ms. */
export async function quiet(count: () => number): Promise<void> {
  let seen = -1;
  while (seen !== count()) {
    seen = count();
    await new Promise((r) => setTimeout(r, 150));
  }
}

export const option = (n: number) => (actionId: string) => actionId.endsWith(`answer:${n}`);
export type SlackPeople = ReturnType<typeof slackPeople>;

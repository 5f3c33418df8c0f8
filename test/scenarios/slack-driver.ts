import { decodeAction } from "../../src/chat/actions.js";
import { buttonClick, buttonsIn, CHANNEL } from "../adapters/slack/harness.js";
import { startSlackApp } from "../app/slack-app-harness.js";
import type { FakeSlackApi, RecordedCall } from "../fakes/fake-slack-api.js";
import { interactionBody } from "../fakes/slack-signing.js";
import type { ChatDriver } from "./chat-driver.js";

/** Slack ids are upper-case letters and digits: a person called "ann" is U0ANN. */
const userId = (who: string) => `U0${who.toUpperCase()}`;

/** The mrkdwn of a posted message (or an opened modal) as people read it: every text in it, entities decoded. */
export function screenOf(call: RecordedCall | undefined): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (typeof o.text === "string") texts.push(o.text);
      Object.values(o).forEach(visit);
    }
  };
  visit(call?.body.blocks ?? call?.body.view);
  return texts.join("\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Replies go out after the ack: wait until the fake Slack has heard nothing new for a moment. */
export async function settled(api: FakeSlackApi): Promise<void> {
  for (let seen = -1; seen !== api.calls().length; ) {
    seen = api.calls().length;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export async function startSlackDriver(): Promise<ChatDriver> {
  const run = await startSlackApp();
  const { api } = run;
  const settle = () => settled(api);
  return {
    platform: "slack",
    async say(who, words) {
      await run.command(userId(who), words);
      await settle();
    },
    async join(who) {
      const invitation = api
        .calls("chat.postMessage")
        .filter((c) => c.body.channel === CHANNEL)
        .findLast((c) => buttonsIn(c).some((b) => decodeAction(b.value)?.a === "join"));
      const join = buttonsIn(invitation as RecordedCall).find((b) => decodeAction(b.value)?.a === "join");
      const action = decodeAction(join?.value);
      if (!action) throw new Error("no invitation to join in the channel");
      await run.sign(
        interactionBody(buttonClick(action, { user: userId(who), messageTs: String(invitation?.response?.ts) })),
      );
      await settle();
    },
    async answerAll(who, n) {
      await run.answerEverything(userId(who), n);
      await settle();
    },
    channelScreen: () => screenOf(run.latestIn(CHANNEL)),
    privateScreen: (who) => {
      const dm = api.calls("conversations.open").find((c) => String(c.body.users) === userId(who));
      const channel = (dm?.response?.channel as { id?: string } | undefined)?.id ?? "";
      return screenOf(run.latestIn(channel));
    },
    close: () => run.close(),
  };
}

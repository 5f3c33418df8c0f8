import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBot } from "../../../flows/bot.js";
import { decodeAction } from "../../../src/chat/actions.js";
import { defaultModel } from "../../../src/engine/default-model/index.js";
import { createKeys } from "../../../src/store/keys.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import type { RecordedCall } from "../../fakes/fake-slack-api.js";
import { buttonClick, buttonsIn, CHANNEL, recordingLogger, type SlackHarness, startSlackHarness } from "./harness.js";

/**
 * The real flows behind the Slack adapter, over HTTP: a person opens a round with /mlops-assess, answers every
 * question by clicking the buttons Slack received, and gets a summary while the channel's invitation updates.
 */
let slack: SlackHarness;

beforeEach(async () => {
  const store = createMemoryStore();
  const keys = createKeys("e2e");
  const bot = createBot({
    store,
    keys,
    model: defaultModel,
    clock: () => new Date("2026-11-23T09:00:00.000Z"),
    logger: recordingLogger(),
  });
  slack = await startSlackHarness({ bot, store, keys });
});
afterEach(async () => {
  await slack.close();
});

type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };
const blocksOf = (call: RecordedCall | undefined) => (call?.body.blocks ?? []) as Block[];
const headerOf = (call: RecordedCall | undefined) => blocksOf(call).find((b) => b.type === "header")?.text?.text;
/** The latest message the person sees in their DM: a new post or an update of the clicked question. */
const latestInDm = () =>
  [...slack.api.calls()]
    .reverse()
    .find((c) => ["chat.postMessage", "chat.update"].includes(c.method) && String(c.body.channel).startsWith("D"));

/** Answer every question by clicking the button `pick` names for it (1-based option), until the result shows. */
async function answerAll(pick: (index: number) => number): Promise<number> {
  let answered = 0;
  for (; answered < 20; answered++) {
    const question = latestInDm();
    if (headerOf(question)?.startsWith("Level")) break;
    const button = buttonsIn(question!).find((b) => b.actionId.endsWith(`answer:${pick(answered)}`));
    const action = decodeAction(button?.value);
    expect(action, `answer ${pick(answered)} in ${JSON.stringify(question?.body.text)}`).toBeDefined();
    const updates = slack.api.calls("chat.update").length;
    const where = { channel: String(question?.response?.channel), messageTs: String(question?.response?.ts) };
    const click = buttonClick(action!, { ...where, actionId: button!.actionId });
    expect((await slack.interaction(click)).status).toBe(200);
    await slack.api.waitFor("chat.update", updates + 1);
  }
  return answered;
}

describe("an assessment round through Slack", () => {
  it("shows one Not sure as an unrated dimension and a provisional headline, never as level 0", async () => {
    expect((await slack.command({ text: "start quick" })).status).toBe(200);
    await slack.api.waitFor("chat.postMessage", 2);
    // "Not sure" (option 6) on the first question, the most mature option (5, level 4) on the other seven.
    expect(await answerAll((i) => (i === 0 ? 6 : 5))).toBe(8);
    const summary = latestInDm();
    expect(headerOf(summary)).toBe("Level 4 · Full MLOps automated operations · provisional: 1 dimension unrated");
    const text = JSON.stringify(blocksOf(summary));
    // The dimension's row: its name, then "?" in the level column.
    expect(text).toContain('{"type":"mrkdwn","text":"*Team &amp; ownership*"},{"type":"mrkdwn","text":"? not rated"}');
    expect(text).not.toContain("L0");
    expect(text).toContain("*1. Find out: Team &amp; ownership*\\nTeam &amp; ownership, to rate it");
  });

  it("runs from /mlops-assess to the summary by clicking the buttons Slack got", async () => {
    expect((await slack.command({ text: "start quick" })).status).toBe(200);
    const [invitation] = await slack.api.waitFor("chat.postMessage", 2);
    expect(invitation?.body.channel).toBe(CHANNEL);
    expect(buttonsIn(invitation!).map((b) => b.label)).toEqual(["Take the assessment"]);

    let answered = 0;
    for (; answered < 20; answered++) {
      const question = latestInDm();
      if (headerOf(question)?.startsWith("Level")) break;
      const first = buttonsIn(question!).find((b) => b.actionId.endsWith("answer:1"));
      const action = decodeAction(first?.value);
      expect(action, `a first answer button in ${JSON.stringify(question?.body.text)}`).toBeDefined();
      const updates = slack.api.calls("chat.update").length;
      const where = { channel: String(question?.response?.channel), messageTs: String(question?.response?.ts) };
      const click = buttonClick(action!, { ...where, actionId: first!.actionId });
      expect((await slack.interaction(click)).status).toBe(200);
      await slack.api.waitFor("chat.update", updates + 1);
    }
    expect(answered).toBeGreaterThanOrEqual(5);
    const summary = latestInDm();
    expect(headerOf(summary)).toMatch(/^Level \d · /);
    // The invitation in the channel now says who answered (never what).
    await vi.waitFor(() => {
      const channelUpdates = slack.api.calls("chat.update").filter((c) => c.body.channel === CHANNEL);
      expect(channelUpdates.at(-1)?.body.ts).toBe(invitation?.response?.ts);
    });
    expect(slack.logger.lines.filter((l) => l.level === "error")).toEqual([]);
  });
});

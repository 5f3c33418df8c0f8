import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ButtonAction } from "../../src/chat/actions.js";
import type { Reply, SummaryMessage } from "../../src/chat/outbound.js";
import { createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from "../store/redis-helpers.js";
import { channel, createTranscript, messages, questionIn, testClock, textOf } from "./harness.js";

const prefix = uniquePrefix("actions");
let admin: Redis;
let client: Redis;

beforeAll(async () => {
  admin = await connectRedis();
  client = createRedisClient({ url: REDIS_URL }) as Redis;
});
afterAll(async () => {
  await deleteKeys(admin, prefix);
  await deleteKeys(admin, `${prefix}-forged`);
  await client.quit();
  await admin.quit();
});

type Transcript = ReturnType<typeof createTranscript>;

/** Answer a deep assessment: every practice with `answer` (the opening context question with its first option). */
async function answerDeep(t: Transcript, who: string, answer: string): Promise<void> {
  let replies: Reply[] = await t.say(who, "deep");
  for (let i = 0; i < 80; i++) {
    const question = replies.map((r) => r.message).find((m) => m.kind === "question");
    if (!question) return;
    const picked =
      question.options.find((o) => o.action.a === "answer" && o.action.v === answer) ?? question.options[0];
    replies = await t.click(who, picked?.action as ButtonAction);
  }
  questionIn(replies);
}

const summaryIn = (replies: Reply[]) => messages(replies, "summary")[0] as SummaryMessage;

describe("adopted actions and the team's answers", () => {
  it("closes an action as done when the next round answers its practice 'Yes, fully', and says what moved", async () => {
    const time = testClock();
    const t = createTranscript(createRedisStore(client), { prefix, clock: time.clock });
    await answerDeep(t, "ann", "no");
    const first = summaryIn(await t.say("ann", "close"));
    const step = first.nextSteps[0];
    expect(step?.button?.label).toBe("Adopt");
    const adopted = await t.click("ann", step?.button?.action as ButtonAction, channel());
    expect(textOf(adopted)).toContain(`ann adopted "${step?.title}"`);
    expect(textOf(await t.say("ann", "actions"))).toContain(step?.title);

    time.advanceDays(20);
    await answerDeep(t, "ann", "fully");
    const next = summaryIn(await t.say("ann", "close"));
    expect(next.notes.join("\n")).toMatch(/Adopted since last round: .*\(done\) -> .+ L0 -> L[1-4]/);
    expect(textOf(await t.say("ann", "actions"))).toContain("No open actions");
    const history = textOf(await t.say("ann", "history"));
    expect(history).toContain(`Action: ${step?.title} (done) · ann`);
  });

  it("refuses an Adopt naming another channel, and a step the model does not know", async () => {
    const t = createTranscript(createRedisStore(client), { prefix: `${prefix}-forged` });
    const forged = await t.click("eve", { a: "adopt", c: "C-other", p: "anything" }, channel("C1"));
    expect(textOf(forged)).toContain("Adopt next steps from the team summary");
    const unknown = await t.click("eve", { a: "adopt", c: "C1", p: "no-such-practice" }, channel("C1"));
    expect(textOf(unknown)).toContain("not in the current questionnaire");
    expect(textOf(await t.say("eve", "actions"))).toContain("No open actions");
    const gone = await t.click("eve", { a: "act", c: "C1", i: "nope", s: "done" }, channel("C1"));
    expect(textOf(gone)).toContain("That action is gone");
    // A Re-check or Settings button naming a channel other than the one it was clicked in is forged.
    const recheck = await t.click("eve", { a: "recheck", c: "C-other", d: "deployment-release" }, channel("C1"));
    expect(messages(recheck, "error")).toMatchObject([{ code: "wrong_channel" }]);
    expect(textOf(recheck)).toContain("That button works only in the team channel it was posted in");
    const unknownDimension = await t.click("eve", { a: "recheck", c: "C1", d: "astrology" }, channel("C1"));
    expect(messages(unknownDimension, "question")).toEqual([]);
    const settings = await t.click("eve", { a: "settings", c: "C-other" }, channel("C1"));
    expect(messages(settings, "form")).toEqual([]);
    expect(messages(settings, "error")).toMatchObject([{ code: "wrong_channel" }]);
    expect(textOf(settings)).toContain("Open the settings there");
  });
});

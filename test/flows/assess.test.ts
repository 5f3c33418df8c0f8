import { describe, expect, it } from "vitest";
import { renderText } from "../../adapters/terminal/render-message.js";
import type { SummaryMessage } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { fixtureModel } from "../engine/fixture-model.js";
import { createTranscript, dm, messages, option, questionIn } from "./harness.js";

describe("answering one question at a time", () => {
  it("goes back to the previous question showing the earlier answer, and skips forward", async () => {
    const t = createTranscript(createMemoryStore());
    const q1 = questionIn(await t.say("alice", ""));
    const q2 = questionIn(await t.click("alice", option(q1, 4)));
    expect(q2.progress.index).toBe(2);

    const back = questionIn(await t.click("alice", q2.navigation.find((n) => n.action.a === "back")!.action));
    expect(back.progress.index).toBe(1);
    expect(back.options[3]?.selected).toBe(true);
    expect(back.current).toBe(q1.options[3]?.label);

    const skipped = questionIn(await t.click("alice", back.navigation.find((n) => n.action.a === "skip")!.action));
    expect(skipped.progress.index).toBe(2);
  });

  it("takes one step for a Skip or Back clicked twice (the reply to the first lost, or the click replayed)", async () => {
    const t = createTranscript(createMemoryStore());
    const q1 = questionIn(await t.say("alice", ""));
    const skip = q1.navigation.find((n) => n.action.a === "skip")!.action;
    expect(questionIn(await t.click("alice", skip)).progress.index).toBe(2);
    const again = questionIn(await t.click("alice", skip));
    expect(again.progress.index).toBe(2);
    const q3 = questionIn(await t.click("alice", option(again, 2)));
    const back = q3.navigation.find((n) => n.action.a === "back")!.action;
    expect(questionIn(await t.click("alice", back)).progress.index).toBe(2);
    expect(questionIn(await t.click("alice", back)).progress.index).toBe(2);
  });

  it("treats Not sure as unrated: never a level 0 headline, and the next step is to find out", async () => {
    const t = createTranscript(createMemoryStore());
    let replies = await t.say("alice", "");
    for (let i = 0; i < 8; i++) {
      const q = questionIn(replies);
      const notSure = q.options.findIndex((o) => o.label === "Not sure") + 1;
      replies = await t.click("alice", option(q, i === 0 ? notSure : 5));
    }
    const result = messages(replies, "summary")[0] as SummaryMessage;
    expect(result.dimensions[0]).toMatchObject({ unresolved: true });
    expect(result.overall).toMatchObject({ level: 4, unrated: 1 });
    expect(result.nextSteps[0]).toMatchObject({ kind: "find-out", title: "Find out: Team & ownership" });
  });

  it("counts the same answer sent twice once (a double click)", async () => {
    const t = createTranscript(createMemoryStore());
    const q1 = questionIn(await t.say("alice", ""));
    const first = await t.click("alice", option(q1, 2));
    const second = await t.click("alice", option(q1, 2));
    // Both show question 2: the double click neither advanced nor corrupted anything.
    expect(questionIn(first).progress.index).toBe(2);
    expect(questionIn(second).progress.index).toBe(2);
    expect(questionIn(second).note).toBeUndefined();
  });

  it("applies a still-valid answer from an old button without moving the person", async () => {
    const t = createTranscript(createMemoryStore());
    const q1 = questionIn(await t.say("alice", ""));
    const q2 = questionIn(await t.click("alice", option(q1, 2)));
    const q3 = questionIn(await t.click("alice", option(q2, 2)));
    const amended = questionIn(await t.click("alice", option(q1, 5)));
    expect(amended.progress.index).toBe(q3.progress.index);
    expect(amended.note).toContain("Updated your earlier answer");
  });

  it("shows the current question again for an invalid or foreign button", async () => {
    const t = createTranscript(createMemoryStore());
    const q1 = questionIn(await t.say("alice", ""));
    const forged = { ...option(q1, 1), q: "no-such-question" };
    const replies = await t.click("alice", forged);
    expect(questionIn(replies).progress.index).toBe(1);
    expect(questionIn(replies).note).toContain("no longer valid");
    // Somebody else's round id: there is nothing of theirs to touch.
    const other = await t.click("mallory", option(q1, 1));
    expect(messages(other, "error")[0]).toMatchObject({
      code: "assessment_gone",
      text: expect.stringContaining("can't find"),
    });
  });

  it("resumes exactly where the person left off, from a fresh bot on the same store", async () => {
    const store = createMemoryStore();
    const first = createTranscript(store);
    const q1 = questionIn(await first.say("alice", ""));
    await first.click("alice", option(q1, 3));
    const restarted = createTranscript(store);
    const resumed = questionIn(await restarted.say("alice", "resume", dm("D-alice")));
    expect(resumed.progress.index).toBe(2);
  });

  it("cancels, and then has nothing to resume in that assessment", async () => {
    const t = createTranscript(createMemoryStore());
    const q1 = questionIn(await t.say("alice", ""));
    const cancelled = await t.click("alice", q1.navigation.find((n) => n.action.a === "cancel")!.action);
    expect(messages(cancelled, "notice")[0]).toMatchObject({ text: expect.stringContaining("Cancelled") });
    expect(messages(await t.click("alice", option(q1, 1)), "error")[0]).toMatchObject({
      code: "assessment_cancelled",
      text: expect.stringContaining("cancelled"),
    });
  });

  it("runs a personal assessment in a DM, deep mode end to end", async () => {
    const t = createTranscript(createMemoryStore());
    let replies = await t.say("alice", "deep", dm("D-alice"));
    expect(messages(replies, "invitation")).toHaveLength(0);
    let asked = 0;
    while (!messages(replies, "summary").length) {
      const q = questionIn(replies);
      replies = await t.click("alice", option(q, 1), dm("D-alice"));
      asked += 1;
    }
    expect(asked).toBeGreaterThan(30);
    expect((messages(replies, "summary")[0] as SummaryMessage).scope).toBe("person");
  });

  it.each([
    ["batch", 1, 24],
    ["online", 2, 25],
  ])(
    "numbers a deep run with a context question (%s) steadily: before we start, then 1 to the final total",
    async (_, context, total) => {
      const t = createTranscript(createMemoryStore(), { model: fixtureModel });
      const where = dm("D-alice");
      const opening = questionIn(await t.say("alice", "deep", where));
      // The context question decides how many follow: it has no number, and nothing to go back to.
      expect(opening.progress).toMatchObject({ index: 0, section: "About your models" });
      expect(opening.navigation.map((n) => n.label)).toEqual(["Skip", "Cancel"]);
      expect(renderText(opening)).toContain("\nBefore we start · About your models\n");

      let replies = await t.click("alice", option(opening, context), where);
      const first = questionIn(replies);
      expect(first.progress).toMatchObject({ index: 1, total });
      // Back from question 1 is the context question again, and answering it again numbers from 1 again.
      const back = first.navigation.find((n) => n.action.a === "back");
      expect(questionIn(await t.click("alice", back!.action, where)).progress.index).toBe(0);
      replies = await t.click("alice", option(opening, context), where);

      const shown: Array<{ index: number; total: number }> = [];
      while (!messages(replies, "summary").length) {
        const q = questionIn(replies);
        shown.push({ index: q.progress.index, total: q.progress.total });
        replies = await t.click("alice", option(q, 1), where);
      }
      expect(shown.map((p) => p.total)).toEqual(shown.map(() => total));
      expect(shown.map((p) => p.index)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    },
  );
});

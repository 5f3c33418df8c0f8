import { describe, expect, it } from "vitest";
import type { InvitationMessage, SummaryMessage } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { answerAll, channel, createTranscript, messages, testClock, textOf } from "./harness.js";

const join = (replies: Awaited<ReturnType<ReturnType<typeof createTranscript>["say"]>>) => {
  const action = (messages(replies, "invitation")[0] as InvitationMessage | undefined)?.button?.action;
  if (!action) throw new Error("no invitation");
  return action;
};

/** alice L0 and bob L4 on every dimension (carol L2 when asked): a disagreement on every dimension. */
async function roundWithDisagreement(t: ReturnType<typeof createTranscript>, people = ["alice", "bob"]) {
  const opened = await t.say("alice", "");
  const picks: Record<string, number> = { alice: 1, bob: 5, carol: 3 };
  await answerAll(t, "alice", opened, Array(8).fill(picks.alice));
  for (const person of people.slice(1)) {
    await answerAll(t, person, await t.click(person, join(opened), channel()), Array(8).fill(picks[person]));
  }
  return messages(await t.say("alice", "summary"), "summary")[0] as SummaryMessage;
}

describe("privacy modes", () => {
  it("never names who answered what in a confidential round, and names both ends of a disagreement in an attributed one", async () => {
    const time = testClock();
    const t = createTranscript(createMemoryStore(), { clock: time.clock, minRespondentsForSpread: 2 });
    const confidential = await roundWithDisagreement(t);
    expect(confidential.dimensions[0]?.disagreement).toBe(true);
    expect(JSON.stringify(confidential)).not.toMatch(/alice|bob/);
    await t.say("alice", "close");

    const set = await t.say("alice", "privacy attributed");
    expect(set[0]?.delivery.to).toBe("channel");
    expect(textOf(set)).toContain("rounds opened from now on");
    time.advanceDays(1);
    const opened = await t.say("alice", "");
    expect(textOf(opened)).toContain("show who answered what");
    await t.say("alice", "close");
    time.advanceDays(1);
    const attributed = await roundWithDisagreement(t);
    expect(attributed.notes).toContain("Team & ownership: L0 from alice; L4 from bob.");
  });

  it("keeps the spread hidden below the team's own floor and shows it from there", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock, minRespondentsForSpread: 2 });
    expect(textOf(await t.say("alice", "privacy min 3"))).toContain("from 3 respondents");
    const two = await roundWithDisagreement(t);
    expect(two.dimensions[0]?.spread).toBeUndefined();
    expect(two.notes.join(" ")).toContain("once 3 people have answered");
    expect(textOf(await t.say("bob", "privacy"))).toContain("confidential");
  });

  it("lets only the opener or an admin change privacy, and refuses politely", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock, admins: ["root"] });
    await t.say("alice", "");
    const refused = await t.say("mallory", "privacy attributed");
    expect(refused[0]?.delivery).toMatchObject({ to: "private" });
    expect(textOf(refused)).toContain("Only the person who opened the latest round or an admin");
    expect(textOf(await t.say("bob", "privacy"))).toContain("confidential");
    expect(textOf(await t.say("root", "privacy attributed"))).toContain(
      "root set this channel's privacy to attributed",
    );
    expect(textOf(await t.say("alice", "privacy min 0"))).toContain("didn't understand");
  });
});

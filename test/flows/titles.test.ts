import { describe, expect, it } from "vitest";
import { roundSchema } from "../../flows/rounds/round-state.js";
import type { Address } from "../../src/chat/address.js";
import type { SummaryMessage } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { answerAll, channel, createTranscript, historyIn, messages, testClock } from "./harness.js";

/**
 * A summary or a history gets forwarded and screenshotted on its own: its title says whose it is (the channel's
 * name as people know it, never an id) and when (the day the round closed, or "as of" today while it is open).
 */
const named: Address = { ...channel("C07MLPLATF"), name: "#ml-platform" };

async function teamRound(where: Address) {
  const time = testClock("2026-12-05T09:00:00.000Z");
  const t = createTranscript(createMemoryStore(), { clock: time.clock });
  await answerAll(t, "alice", await t.say("alice", "", where), [3, 3, 3, 3, 3, 3, 3, 3]);
  return { t, time };
}

const summaryIn = (replies: Awaited<ReturnType<ReturnType<typeof createTranscript>["say"]>>) =>
  messages(replies, "summary")[0] as SummaryMessage;

describe("titles of team summaries and histories", () => {
  it("names the channel the round opened in and the day it closed", async () => {
    const { t, time } = await teamRound(named);
    expect(summaryIn(await t.say("alice", "summary", named)).title).toBe("#ml-platform · as of 5 Dec 2026");
    time.advanceDays(2);
    // Closed from somewhere that does not say the channel's name: the round kept it.
    const closed = summaryIn(await t.say("alice", "close", channel("C07MLPLATF")));
    expect(closed.title).toBe("#ml-platform · 7 Dec 2026");
  });

  it("says what it is, and the date, when the channel's name is not known; never its id", async () => {
    const { t } = await teamRound(channel("C07MLPLATF"));
    const summary = summaryIn(await t.say("alice", "close", channel("C07MLPLATF")));
    expect(summary.title).toBe("Team MLOps maturity · 5 Dec 2026");
  });

  it("titles the history (text and chart) with the team and the days of its rounds", async () => {
    const { t, time } = await teamRound(named);
    await t.say("alice", "close", named);
    time.advanceDays(91);
    await answerAll(t, "alice", await t.say("alice", "", named), [4, 4, 4, 4, 4, 4, 4, 4]);
    await t.say("alice", "close", named);
    const history = historyIn(await t.say("alice", "history", channel("C07MLPLATF")));
    expect(history.text).toBe("#ml-platform · 5 Dec 2026 – 6 Mar 2027");
    expect(history.series.title).toBe("#ml-platform");
    expect(history.lines[0]).toMatch(/^5 Dec 2026 · Level/);
    const unnamed = createTranscript(createMemoryStore(), { clock: testClock("2026-12-05T09:00:00.000Z").clock });
    await answerAll(unnamed, "bob", await unnamed.say("bob", "", channel("C2")), [3, 3, 3, 3, 3, 3, 3, 3]);
    await unnamed.say("bob", "close", channel("C2"));
    const plain = historyIn(await unnamed.say("bob", "history", channel("C2")));
    expect(plain.text).toBe("MLOps maturity over time · 5 Dec 2026");
    expect(plain.series.title).toBe("MLOps maturity over time");
  });

  it("still reads rounds stored before names were kept", () => {
    const old = {
      id: "r1",
      channel: "C1",
      mode: "quick",
      openedBy: { id: "U1" },
      openedAt: "2026-01-05T09:00:00.000Z",
      closesAt: "2026-01-19T09:00:00.000Z",
      personal: false,
    };
    expect(roundSchema.parse(old).name).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import type { AssessState } from "../../flows/assess/assess-state.js";
import { createRoundRepo } from "../../flows/rounds/round-repo.js";
import { teamOf } from "../../src/chat/address.js";
import type { SummaryMessage } from "../../src/chat/outbound.js";
import { createKeys } from "../../src/store/keys.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { answerAll, channel, createTranscript, messages, questionIn } from "./harness.js";

/**
 * Answers given under the 2.x model (another answer scale, other statements) must never be scored by 3.0: an
 * unfinished assessment starts again and says why; a finished one is left out of the team summary, with a note.
 */
const team = teamOf(channel());

async function setUp() {
  const store = createMemoryStore();
  const t = createTranscript(store, { prefix: "upgrade" });
  const repo = createRoundRepo(store, createKeys("upgrade"));
  const opened = await t.say("alice", "");
  const round = await repo.latestRound(team);
  if (!round) throw new Error("no round opened");
  /** Rewrite a stored answer sheet as if the 2.x model had written it. */
  const asIfOld = (userId: string, answers: AssessState["answers"]) =>
    repo.updateResponse(team, round.id, userId, (state) =>
      state ? { ...state, modelVersion: "2.0.0", answers, position: "q-reproducibility" } : state,
    );
  return { t, repo, round, opened, asIfOld };
}

describe("answers from an earlier major model version", () => {
  it("restart an unfinished assessment at question 1, saying why, instead of scoring them", async () => {
    const { t, opened, asIfOld } = await setUp();
    expect(questionIn(opened).progress.index).toBe(1);
    await asIfOld("alice", { "q-team-ownership": "3", "q-data-features": "2" });
    const replies = await t.say("alice", "resume");
    const resumed = questionIn(replies);
    expect(resumed.progress.index).toBe(1);
    expect(resumed.note).toContain("version 2.0.0 to 3.0.0");
    expect(resumed.note).toContain("your 2 earlier answers cannot be scored fairly");
    // From here on it is an ordinary 3.0 assessment.
    const done = await answerAll(t, "alice", replies, Array(8).fill(3));
    const result = messages(done, "summary")[0] as SummaryMessage;
    expect(result.overall.level).toBe(2);
  });

  it("leave a finished 2.x answer sheet out of the team summary, with a note", async () => {
    const { t, repo, round, opened } = await setUp();
    await answerAll(t, "alice", opened, Array(8).fill(5));
    const bob = await t.say("bob", "");
    await answerAll(t, "bob", bob, Array(8).fill(2));
    await repo.updateResponse(team, round.id, "bob", (state) => (state ? { ...state, modelVersion: "2.0.0" } : state));
    const summary = messages(await t.say("alice", "summary"), "summary")[0] as SummaryMessage;
    // Only alice's 3.0 answers count: level 4, not the median with bob's level 1.
    expect(summary.overall.level).toBe(4);
    expect(summary.notes.join(" ")).toContain("1 answer set was given on an earlier version of the questionnaire");
  });
});

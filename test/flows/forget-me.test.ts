import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { InvitationMessage } from "../../src/chat/outbound.js";
import { createKeys } from "../../src/store/keys.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { answerAll, channel, createTranscript, dm, historyIn, messages, testClock, textOf } from "./harness.js";

describe("forget-me", () => {
  it("asks first, then deletes the person's answers everywhere and recomputes the team's results", async () => {
    const store = createMemoryStore();
    const time = testClock();
    const t = createTranscript(store, { clock: time.clock, minRespondentsForSpread: 1 });

    // A closed round with alice (L1 everywhere) and bob (L4), then an open one with alice, and her own DM round.
    const opened = await t.say("alice", "");
    const join = (messages(opened, "invitation")[0] as InvitationMessage).button?.action;
    if (!join) throw new Error("invitation has no button");
    await answerAll(t, "alice", opened, [2, 2, 2, 2, 2, 2, 2, 2]);
    await answerAll(t, "bob", await t.click("bob", join, channel()), [5, 5, 5, 5, 5, 5, 5, 5]);
    await t.say("alice", "close");
    const before = historyIn(await t.say("bob", "history"));
    expect(before.lines[0]).toMatch(/Level 1 .* 2 answered/);
    time.advanceDays(30);
    await answerAll(t, "alice", await t.say("alice", "start"), [5, 5, 5, 5, 5, 5, 5, 5]);
    await answerAll(t, "alice", await t.say("alice", "", dm("D-alice")), [3, 3, 3, 3, 3, 3, 3, 3]);

    const asked = await t.say("alice", "forget-me");
    expect(textOf(asked)).toContain("forget-me confirm");
    expect(messages(await t.say("alice", "summary"), "summary")).toHaveLength(1); // nothing deleted yet

    const done = await t.say("alice", "forget-me confirm");
    expect(textOf(done)).toContain("your answers in 3 rounds are deleted");

    // The open round has nobody left; the closed one is bob's alone now.
    expect(textOf(await t.say("alice", "summary"))).toContain("Nobody has completed this round yet");
    const history = historyIn(await t.say("bob", "history"));
    // The lower median of L1 and L4 was L1; with bob alone the round is L4.
    expect(history.lines[0]).toMatch(/Level 4 .* 1 answered/);
    expect(textOf(await t.say("alice", "resume"))).toContain("You have no assessment to carry on with");

    // No key of alice's is left in the store.
    const keys = createKeys("t");
    const scope = { platform: "slack" as const, workspace: channel().workspace };
    expect(await store.get(keys.activeAssessment(scope, "alice"), z.unknown())).toBeUndefined();
  });

  it("says so when there is nothing to delete", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock });
    expect(textOf(await t.say("carol", "forget-me confirm"))).toContain("no answers of yours");
  });
});

import { describe, expect, it } from "vitest";
import { createBot } from "../../flows/bot.js";
import { createNudgeRunner } from "../../flows/nudge/nudge-runner.js";
import { createPacer } from "../../flows/nudge/pacer.js";
import type { ButtonAction } from "../../src/chat/actions.js";
import type { Address } from "../../src/chat/address.js";
import type { InvitationMessage, Reply } from "../../src/chat/outbound.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { createKeys } from "../../src/store/keys.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { channel, messages, option, questionIn, quietLogger } from "../flows/harness.js";

function world() {
  let now = new Date("2026-11-23T09:00:00.000Z");
  const clock = () => new Date(now);
  const store = createMemoryStore({ now: () => now.getTime() });
  const keys = createKeys("r");
  const bot = createBot({ store, keys, model: defaultModel, clock, logger: quietLogger });
  const sent: { to: string | undefined; reply: Reply; address: Address }[] = [];
  const runner = createNudgeRunner({
    store,
    keys,
    model: defaultModel,
    clock,
    logger: quietLogger,
    pacer: createPacer({ sleep: async () => {} }),
    notifier: { deliver: async (address, reply, userId) => void sent.push({ to: userId, reply, address }) },
  });
  const user = (id: string, extra: object = {}) => ({ id, name: id, ...extra });
  return {
    sent,
    tick: () => runner.tick(),
    advanceHours: (h: number) => {
      now = new Date(now.getTime() + h * 3_600_000);
    },
    say: (id: string, text: string, extra: object = {}) =>
      bot.handle({ kind: "command", text, address: channel(), user: user(id, extra), raw: null }),
    click: (id: string, action: ButtonAction) =>
      bot.handle({
        kind: "action",
        action,
        // A Join is clicked on the invitation in the channel; questions in the person's DM.
        address: action.a === "join" ? channel() : { ...channel(), channel: `D-${id}`, isDirect: true },
        user: user(id),
        raw: null,
      }),
  };
}

describe("reminders for half-done assessments", () => {
  it("sends at most two, one and three days after the last answer, and none after finishing", async () => {
    const w = world();
    const q1 = questionIn(await w.say("ana", ""));
    await w.click("ana", option(q1, 2));
    w.advanceHours(23);
    await w.tick();
    expect(w.sent).toHaveLength(0);
    w.advanceHours(2);
    await w.tick();
    expect(w.sent.map((s) => s.to)).toEqual(["ana"]);
    expect(w.sent[0]?.reply.delivery).toEqual({ to: "private" });
    expect(JSON.stringify(w.sent[0]?.reply.message)).toContain("Resume");
    w.advanceHours(48);
    await w.tick();
    expect(w.sent).toHaveLength(2);
    w.advanceHours(24 * 10);
    await w.tick();
    expect(w.sent).toHaveLength(2);
  });

  it("sends nothing to someone who finished, and respects snooze", async () => {
    const w = world();
    let replies = await w.say("bo", "");
    for (let i = 0; i < 8; i++) replies = await w.click("bo", option(questionIn(replies), 3));
    expect(messages(replies, "summary")).toHaveLength(1);
    const q1 = questionIn(await w.say("cy", ""));
    await w.click("cy", option(q1, 1));
    await w.say("cy", "snooze 5");
    w.advanceHours(26);
    await w.tick();
    expect(w.sent).toEqual([]);
    w.advanceHours(24 * 5);
    await w.tick();
    expect(w.sent.map((s) => s.to)).toEqual(["cy"]);
  });
});

describe("schedule commands", () => {
  it("shows, sets, pauses and explains mistakes", async () => {
    const w = world();
    expect(JSON.stringify(await w.say("ana", "schedule"))).toContain("No reassessment reminders here yet");
    expect(JSON.stringify(await w.say("ana", "schedule fortnightly"))).toMatch(/Try \uE000schedule weekly tue 09:30/);
    const set = await w.say("ana", "schedule monthly 1 09:00", { timeZone: "Europe/Berlin" });
    expect(set[0]?.delivery).toEqual({ to: "channel" });
    expect(JSON.stringify(set)).toContain("monthly on day 1 at 09:00 (Europe/Berlin)");
    expect(JSON.stringify(await w.say("ana", "schedule"))).toContain("Next: Tue, 1 Dec 2026, 09:00 CET");
    await w.say("ana", "pause");
    expect(JSON.stringify(await w.say("ana", "schedule"))).toContain("(paused)");
    w.advanceHours(24 * 40);
    await w.tick();
    expect(w.sent.filter((s) => s.to === undefined)).toEqual([]);
    await w.say("ana", "resume nudges");
    w.advanceHours(24 * 31);
    await w.tick();
    expect(w.sent.filter((s) => s.to === undefined)).toHaveLength(1);
  });

  it("lets only whoever set the schedule or an admin change it", async () => {
    const w = world();
    await w.say("ana", "");
    expect(JSON.stringify(await w.say("ana", "schedule monthly"))).toContain("I'll remind this channel");
    expect(JSON.stringify(await w.say("eve", "schedule weekly"))).toContain("Only the person who set");
    expect(JSON.stringify(await w.say("root", "schedule weekly", { isAdmin: true }))).toContain(
      "I'll remind this channel",
    );
  });
});

describe("the round invitation when several people finish at once", () => {
  const finish = async (w: ReturnType<typeof world>, id: string, first: Reply[]) => {
    let replies = first;
    for (let i = 0; i < 8; i++) replies = await w.click(id, option(questionIn(replies), 3));
    return replies;
  };
  const invitationsIn = (replies: Reply[]) => messages(replies, "invitation") as InvitationMessage[];

  it("is edited once per window, and the next tick names everyone who finished in it", async () => {
    const w = world();
    const opened = await w.say("ana", "");
    const join = invitationsIn(opened)[0]?.button?.action;
    if (!join) throw new Error("invitation has no button");
    const boFirst = await w.click("bo", join);
    const cyFirst = await w.click("cy", join);

    expect(invitationsIn(await finish(w, "ana", opened)).map((i) => i.completed)).toEqual([["ana"]]);
    // Bo and Cy finish in the same seconds: their results come at once, the channel's count a tick later.
    const boDone = await finish(w, "bo", boFirst);
    expect(messages(boDone, "summary")).toHaveLength(1);
    expect(invitationsIn(boDone)).toEqual([]);
    expect(invitationsIn(await finish(w, "cy", cyFirst))).toEqual([]);
    await w.tick();
    expect(w.sent).toEqual([]);

    w.advanceHours(1 / 60);
    await w.tick();
    expect(w.sent).toHaveLength(1);
    const edited = w.sent[0]?.reply;
    expect(edited?.delivery).toMatchObject({ to: "channel", update: true, address: { channel: "C1" } });
    expect(invitationsIn(edited ? [edited] : []).map((i) => [...i.completed].sort())).toEqual([["ana", "bo", "cy"]]);
    await w.tick();
    expect(w.sent).toHaveLength(1);

    // Once the window has passed, the next person to finish updates the invitation straight away.
    const dan = await finish(w, "dan", await w.click("dan", join));
    expect(invitationsIn(dan).map((i) => i.completed.length)).toEqual([4]);
  });
});

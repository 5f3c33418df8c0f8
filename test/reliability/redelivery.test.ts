import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { directMessage, TEAM } from "../adapters/slack/harness.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";
import { REDIS_URL, redisTestScope, uniquePrefix } from "../store/redis-helpers.js";
import { type LiveApp, startLiveApp } from "./live-app.js";
import { optionValue, roundIdOf, storedStates } from "./round-audit.js";
import {
  dmOf,
  isResult,
  option,
  progressOf,
  quiet,
  type SlackPeople,
  selectedOption,
  slackPeople,
  until,
} from "./slack-people.js";

/**
 * The same delivery more than once: Slack retries events it thinks we missed (X-Slack-Retry-Num), a proxy may
 * replay a request, and people double-click. Each must have exactly one effect on what is stored, and the person
 * must end up looking at what is stored.
 */
const prefix = uniquePrefix("rel-redeliver");
const keys = createKeys(prefix);
const scope = redisTestScope(prefix);
const TIMES = 4;

let live: LiveApp;
let slack: SlackPeople;
let tests = 0;
/** Each test has a channel of its own: rounds stay open in Redis across tests. */
const team = () => ({ platform: "slack" as const, workspace: TEAM, channel: slack.where.channel });
beforeEach(async () => {
  live = await startLiveApp(REDIS_URL, prefix);
  slack = slackPeople(live.api, () => live.slackUrl, { team: TEAM, channel: `C0REDELIVER${++tests}` });
});
afterEach(async () => {
  await live.close();
});

const settled = () => quiet(() => live.api.calls().length);

/**
 * What the app sent to a person's DM since `from`: new posts, and the different contents the updates showed; apart,
 * the replies in a thread (a result's details), which the DM itself does not show.
 */
function dmSince(user: string, from: number) {
  const calls = live.api.calls().slice(from);
  const inDm = (c: RecordedCall) => c.body.channel === dmOf(user);
  const shown = calls.filter((c) => inDm(c) && !live.api.inThread(c));
  const updates = shown.filter((c) => c.method === "chat.update");
  return {
    posts: shown.filter((c) => c.method === "chat.postMessage").length,
    threadReplies: calls.filter((c) => c.method === "chat.postMessage" && inDm(c) && live.api.inThread(c)).length,
    updates,
    contents: new Set(updates.map((c) => JSON.stringify(c.body.blocks))).size,
    notices: calls.filter((c) => c.method === "chat.postEphemeral" && c.body.user === user).length,
  };
}

const stateOf = async (invitation: RecordedCall, user: string) =>
  (await storedStates(scope.admin, keys, team(), roundIdOf(invitation))).get(user);

describe("the same Slack delivery four times", () => {
  it("answers a retried Events API event once, and a retried App Home open once", async () => {
    const dm = directMessage("hello?", { user: "U0RETRY" }, `Ev${prefix.slice(-8)}`);
    const home = {
      ...directMessage("", {}, `Ev${prefix.slice(-8)}H`),
      event: { type: "app_home_opened", user: "U0RETRY", channel: "D0RETRY", tab: "home" },
    };
    const deliver = (envelope: unknown, retry: number) => slack.event(envelope, retry);
    const acks = [];
    for (const envelope of [dm, home]) {
      acks.push(await deliver(envelope, 0));
      acks.push(...(await Promise.all([1, 2, 3].map((n) => deliver(envelope, n)))));
    }
    await settled();
    const replies = live.api.calls("chat.postEphemeral").filter((c) => c.body.user === "U0RETRY").length;
    const homes = live.api.calls("views.publish").length;
    console.log(
      `[reliability] event retries: faults injected ${2 * (TIMES - 1)} retried deliveries of 2 events; ` +
        `answers acknowledged 0 (no answers: ${acks.filter((a) => a.status === 200).length}/${acks.length} deliveries acked); ` +
        "answers lost 0; " +
        `duplicates ${replies - 1 + homes - 1}`,
    );
    expect(acks.every((a) => a.status === 200)).toBe(true);
    expect(replies).toBe(1);
    expect(homes).toBe(1);
  });

  it("records a replayed click once and shows the next question, also for the click that completes", async () => {
    const invitation = await slack.openRound("U0ALICE");
    const first = slack.screen("U0ALICE")!;
    let from = live.api.calls().length;
    const body = slack.clickBody("U0ALICE", first, option(3));
    const acks = await Promise.all(Array.from({ length: TIMES }, () => slack.sign(body)));
    await until(() => progressOf(slack.screen("U0ALICE"))?.index === 2, "question 2");
    await settled();
    const middle = dmSince("U0ALICE", from);
    const afterFirst = await stateOf(invitation, "U0ALICE");

    for (let q = 2; q < 8; q++) await slack.answer("U0ALICE", () => 2);
    from = live.api.calls().length;
    const last = slack.clickBody("U0ALICE", slack.screen("U0ALICE")!, option(5));
    acks.push(...(await Promise.all(Array.from({ length: TIMES }, () => slack.sign(last)))));
    await settled();
    const end = dmSince("U0ALICE", from);
    const done = await stateOf(invitation, "U0ALICE");
    const invitationUpdates = live.api
      .calls()
      .slice(from)
      .filter((c) => c.body.channel === slack.where.channel).length;

    const duplicates =
      middle.posts +
      middle.notices +
      end.posts +
      end.notices +
      Math.max(0, invitationUpdates - 1) +
      Math.max(0, end.threadReplies - 1);
    console.log(
      `[reliability] replayed clicks: faults injected ${2 * (TIMES - 1)} replays of 2 clicks; answers acknowledged 8; ` +
        `answers lost ${8 - Object.keys(done?.answers ?? {}).length}; duplicates ${duplicates} ` +
        `(${middle.updates.length + end.updates.length} in-place updates of the clicked message)`,
    );
    expect(acks.every((a) => a.status === 200 && a.ms < 3000)).toBe(true);
    expect(afterFirst).toMatchObject({ answers: { "q-team-ownership": "2" } });
    expect(Object.keys(afterFirst?.answers ?? {})).toHaveLength(1);
    // The replays only redraw the message that was clicked, always with question 2: nothing new to read.
    expect(middle).toMatchObject({ posts: 0, notices: 0, contents: 1, threadReplies: 0 });
    expect(done?.status).toBe("completed");
    expect(Object.keys(done?.answers ?? {})).toHaveLength(8);
    expect(done?.answers["q-governance-compliance"]).toBe("4");
    // The completing click replayed: the person keeps looking at their result (its details in one thread reply),
    // the channel hears of it once.
    expect(end.posts + end.notices).toBe(0);
    expect(end.threadReplies).toBe(1);
    expect(end.updates.every(isResult)).toBe(true);
    expect(invitationUpdates).toBe(1);
    expect(duplicates).toBe(0);
  });

  it("opens one round for a replayed /mlops-assess and keeps one assessment for the person", async () => {
    const body = slack.commandBody("U0BOB", "");
    const acks = await Promise.all(Array.from({ length: TIMES }, () => slack.sign(body)));
    await settled();
    const invitations = live.api.calls("chat.postMessage").filter((c) => c.body.channel === slack.where.channel);
    const questions = live.api.calls("chat.postMessage").filter((c) => c.body.channel === dmOf("U0BOB"));
    const rounds = await scope.admin.get(keys.openRound(team()));
    const states = invitations[0]
      ? await storedStates(scope.admin, keys, team(), roundIdOf(invitations[0]))
      : new Map();
    const notices = live.api.calls("chat.postEphemeral").filter((c) => c.body.user === "U0BOB").length;
    // Not deduplicated (see the report): each replay re-sends question 1 with an "already open" notice.
    console.log(
      `[reliability] replayed slash command: faults injected ${TIMES - 1} replays; answers acknowledged 0; answers lost 0; ` +
        `duplicates ${invitations.length - 1 + states.size - 1} rounds/invitations/assessments, ` +
        `${questions.length - 1 + notices} messages (copies of question 1 and "already open" notices)`,
    );
    expect(acks.every((a) => a.status === 200)).toBe(true);
    expect(rounds).toBeTruthy();
    expect(invitations).toHaveLength(1);
    expect([...states.keys()]).toEqual(["U0BOB"]);
  });
});

describe("double clicks", () => {
  it("keeps one answer when the same button or two options of one question arrive together", async () => {
    const invitation = await slack.openRound("U0CARA");
    await slack.answer("U0CARA", () => 1);
    // Two clicks on the same button.
    let from = live.api.calls().length;
    const same = slack.clickBody("U0CARA", slack.screen("U0CARA")!, option(4));
    await Promise.all([slack.sign(same), slack.sign(same)]);
    await until(() => progressOf(slack.screen("U0CARA"))?.index === 3, "question 3");
    await settled();
    const sameButton = dmSince("U0CARA", from);
    const afterSame = await stateOf(invitation, "U0CARA");

    // Two different options of question 3 at once: one of them is the answer, and the person can see which.
    from = live.api.calls().length;
    const q3 = slack.screen("U0CARA")!;
    await Promise.all([slack.click("U0CARA", q3, option(1)), slack.click("U0CARA", q3, option(5))]);
    await until(() => progressOf(slack.screen("U0CARA"))?.index === 4, "question 4");
    await settled();
    const twoOptions = dmSince("U0CARA", from);
    const afterTwo = await stateOf(invitation, "U0CARA");
    await slack.click("U0CARA", slack.screen("U0CARA")!, (id) => id.endsWith("nav:back"));
    await until(() => progressOf(slack.screen("U0CARA"))?.index === 3, "back to question 3");
    const shownAnswer = selectedOption(slack.screen("U0CARA"));

    // Two different options of the last question: the person ends on their result either way.
    await slack.answer("U0CARA", () => 5);
    for (let q = 4; q < 8; q++) await slack.answer("U0CARA", () => 2);
    await slack.click("U0CARA", slack.screen("U0CARA")!, (id) => id.endsWith("nav:back"));
    await until(() => progressOf(slack.screen("U0CARA"))?.index === 7, "back to question 7");
    await slack.answer("U0CARA", () => 2);
    from = live.api.calls().length;
    const q8 = slack.screen("U0CARA")!;
    await Promise.all([slack.click("U0CARA", q8, option(1)), slack.click("U0CARA", q8, option(3))]);
    await settled();
    const lastTwo = dmSince("U0CARA", from);
    const done = await stateOf(invitation, "U0CARA");

    const duplicates =
      sameButton.posts +
      sameButton.notices +
      twoOptions.posts +
      twoOptions.notices +
      lastTwo.posts +
      lastTwo.notices +
      Math.max(0, lastTwo.threadReplies - 1);
    console.log(
      `[reliability] double clicks: faults injected 3 concurrent pairs; answers acknowledged 8; answers lost ` +
        `${8 - Object.keys(done?.answers ?? {}).length}; duplicates ${duplicates}`,
    );
    expect(Object.keys(afterSame?.answers ?? {})).toHaveLength(2);
    expect(afterSame?.answers["q-data-features"]).toBe("3");
    expect(sameButton).toMatchObject({ posts: 0, notices: 0, contents: 1 });
    expect(Object.keys(afterTwo?.answers ?? {})).toHaveLength(3);
    expect(["0", "4"]).toContain(afterTwo?.answers["q-reproducibility"]);
    expect(twoOptions).toMatchObject({ posts: 0, notices: 0 });
    // Going back shows the answer that is stored, whichever click won.
    expect(optionValue(3, shownAnswer ?? 0)).toBe(afterTwo?.answers["q-reproducibility"]);
    expect(done?.status).toBe("completed");
    expect(["0", "2"]).toContain(done?.answers["q-governance-compliance"]);
    expect(isResult(slack.screen("U0CARA"))).toBe(true);
    expect(lastTwo.updates.every(isResult)).toBe(true);
    expect(lastTwo.threadReplies).toBe(1);
    expect(duplicates).toBe(0);
  });
});

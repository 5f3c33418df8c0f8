import { describe, expect, it } from "vitest";
import { renderMessage } from "../../adapters/slack/render-message.js";
import { renderCard } from "../../adapters/teams/render-message.js";
import { renderText } from "../../adapters/terminal/render-message.js";
import { createBot } from "../../flows/bot.js";
import type { ButtonAction } from "../../src/chat/actions.js";
import type { Address, Platform } from "../../src/chat/address.js";
import type { OutboundMessage, ProblemMessage, Reply } from "../../src/chat/outbound.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { createKeys } from "../../src/store/keys.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { mrkdwnOf } from "../adapters/slack/read-blocks.js";
import { textOf as cardText } from "../adapters/teams/cards.js";
import { option, questionIn, quietLogger, testClock } from "./harness.js";

/**
 * Issue 19, notices: everything the flows say on the refusal and validation paths, run through the bot on the memory
 * store with ids shaped like each platform's, then rendered for Slack, Teams and the terminal. Every problem (refused,
 * invalid, expired, closed) is one kind with a stable code and looks the same everywhere; nothing anyone reads names
 * an environment variable or shows an id.
 */
const ENV_VAR = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

interface Ids {
  platform: Platform;
  workspace: string;
  team: string;
  other: string;
  empty: string;
  people: { opener: string; outsider: string; admin: string };
  dm: (user: string) => string;
  /** Id shapes that must never reach people's eyes (channel mentions aside, which Slack shows as names). */
  shapes: RegExp;
}

const SLACK: Ids = {
  platform: "slack",
  workspace: "T07WORKSPACE",
  team: "C07TEAMONE1",
  other: "C07TEAMTWO2",
  empty: "C07NOROUND3",
  people: { opener: "U07ALICE001", outsider: "U07MALLORY2", admin: "U07ROOTADM3" },
  dm: (user) => `D${user.slice(1)}`,
  shapes: /\b[UWCGDT]0[0-9A-Z]{6,}\b/,
};

const TEAMS: Ids = {
  platform: "teams",
  workspace: "72f988bf-86f1-41af-91ab-2d7cd011db47",
  team: "19:aaaa1111bbbb2222@thread.tacv2",
  other: "19:cccc3333dddd4444@thread.tacv2",
  empty: "19:eeee5555ffff6666@thread.tacv2",
  people: { opener: "29:1alice-aad-id", outsider: "29:1mallory-aad-id", admin: "29:1root-aad-id" },
  dm: (user) => `a:1${user.slice(3)}`,
  shapes: /\b19:[\w-]+@thread|\b2[89]:[\w-]{6,}|\ba:1[\w-]{6,}|\b[0-9a-f]{8}-[0-9a-f]{4}-/,
};

const NAMES: Record<string, string> = { opener: "Alice", outsider: "Mallory", admin: "Root" };

/** Each scenario: what a person does, and the code of the problem they must be told about. */
type Scenario = [label: string, code: string, run: () => Promise<Reply[]>];

async function world(ids: Ids) {
  const clock = testClock();
  const bot = createBot({
    store: createMemoryStore(),
    keys: createKeys("problems"),
    model: defaultModel,
    clock: clock.clock,
    logger: quietLogger,
    admins: [ids.people.admin],
  });
  const people = Object.fromEntries(
    Object.entries(ids.people).map(([role, id]) => [role, { id, name: NAMES[role] ?? role }]),
  ) as Record<keyof Ids["people"], { id: string; name: string }>;
  const channel = (id: string): Address => ({
    platform: ids.platform,
    workspace: ids.workspace,
    channel: id,
    isDirect: false,
  });
  const dm = (who: keyof Ids["people"]): Address => ({
    platform: ids.platform,
    workspace: ids.workspace,
    channel: ids.dm(people[who].id),
    isDirect: true,
  });
  const say = (who: keyof Ids["people"], text: string, where = channel(ids.team)) =>
    bot.handle({ kind: "command", text, address: where, user: people[who], raw: null });
  const click = (who: keyof Ids["people"], action: ButtonAction, where: Address = dm(who)) =>
    bot.handle({ kind: "action", action, address: where, user: people[who], raw: null });
  return { bot, clock, people, channel, dm, say, click };
}

/** Every path that refuses, or finds the input invalid, expired or closed, on one platform's ids. */
async function scenarios(ids: Ids): Promise<{ problems: Scenario[]; said: Reply[] }> {
  const w = await world(ids);
  const said: Reply[] = [];
  const keep = async (replies: Promise<Reply[]>) => {
    const got = await replies;
    said.push(...got);
    return got;
  };
  // The ordinary life of a team, so the refusals below have something to refuse, and what it says is checked too.
  const opened = await keep(w.say("opener", ""));
  const round = opened.flatMap((r) =>
    r.message.kind === "invitation" && r.message.button ? [r.message.button.action] : [],
  )[0];
  let asked = questionIn(
    opened.some((r) => r.message.kind === "question")
      ? opened
      : await keep(w.click("opener", round!, w.channel(ids.team))),
  );
  const firstQuestion = asked;
  for (let i = 0; i < 8; i++) {
    const replies = await keep(w.click("opener", option(asked, 3)));
    if (i < 7) asked = questionIn(replies);
  }
  for (const text of ["help", "status", "summary", "schedule weekly mon 09:00 UTC", "levels", "privacy", "actions"])
    await keep(w.say("opener", text));
  await keep(w.say("admin", "org", w.dm("admin")));
  const summary = await keep(w.say("opener", "close"));
  const adopt = summary.flatMap((r) =>
    r.message.kind === "summary" ? r.message.nextSteps.flatMap((s) => (s.button ? [s.button.action] : [])) : [],
  )[0];
  const adopted = adopt ? await keep(w.click("opener", adopt, w.channel(ids.team))) : [];
  const change = adopted.flatMap((r) => ("buttons" in r.message ? r.message.buttons.map((b) => b.action) : []))[0];
  if (change) await keep(w.click("opener", change, w.channel(ids.team)));
  await keep(w.say("opener", "history"));
  const invitationOf = (replies: Reply[]) =>
    replies.flatMap((r) => (r.message.kind === "invitation" && r.message.button ? [r.message.button.action] : []))[0];
  const otherRound = invitationOf(await keep(w.say("opener", "", w.channel(ids.other))));

  const t = ids.team;
  const problems: Scenario[] = [
    ["close by someone else", "not_manager", () => w.say("outsider", "close")],
    ["target by someone else", "not_manager", () => w.say("outsider", "target 4")],
    ["org by a non-admin", "not_admin", () => w.say("outsider", "org", w.dm("outsider"))],
    ["schedule in a DM", "not_a_team", () => w.say("outsider", "schedule weekly", w.dm("outsider"))],
    ["schedule by someone else", "not_scheduler", () => w.say("outsider", "schedule monthly")],
    ["an unknown schedule", "invalid_schedule", () => w.say("opener", "schedule fortnightly")],
    ["snooze without days", "invalid_days", () => w.say("opener", "snooze soon")],
    ["target without a level", "invalid_level", () => w.say("opener", "target high")],
    ["resume with nothing to resume", "nothing_to_resume", () => w.say("outsider", "resume", w.dm("outsider"))],
    ["settings in a DM", "not_a_team", () => w.say("opener", "settings", w.dm("opener"))],
    ["evidence without an assessment", "no_assessment", () => w.say("outsider", "evidence https://ci.example.com/1")],
    [
      "evidence for an unanswered number",
      "unanswered_question",
      () => w.say("opener", "evidence 99 https://x.example"),
    ],
    ["evidence that is not a link", "invalid_link", () => w.say("opener", "evidence not-a-link")],
    ["webhook with a bad word", "invalid_webhook_option", () => w.say("opener", "webhook please")],
    ["webhook in a DM", "not_a_team", () => w.say("opener", "webhook", w.dm("opener"))],
    ["webhook without a public address", "no_public_address", () => w.say("opener", "webhook")],
    ["export in another format", "invalid_format", () => w.say("opener", "export xml")],
    ["privacy with a bad word", "invalid_privacy", () => w.say("opener", "privacy secret")],
    ["privacy in a DM", "not_a_team", () => w.say("opener", "privacy attributed", w.dm("opener"))],
    ["pause without reminders", "no_reminders", () => w.say("opener", "pause", w.channel(ids.empty))],
    ["an unknown command", "unknown_command", () => w.say("outsider", "frobnicate")],
    [
      "free text",
      "not_a_command",
      () =>
        w.bot.handle({ kind: "text", text: "hello", address: w.dm("outsider"), user: w.people.outsider, raw: null }),
    ],
    [
      "a button that means nothing now",
      "button_expired",
      () => w.bot.handle({ kind: "expired", address: w.dm("outsider"), user: w.people.outsider, raw: null }),
    ],
    ["Join on a closed round", "round_closed", () => w.click("outsider", round!, w.channel(t))],
    ["Join of another channel's round", "not_in_channel", () => w.click("outsider", otherRound!, w.channel(t))],
    ["an answer after the round closed", "round_closed", () => w.click("opener", option(firstQuestion, 2))],
    [
      "an answer to an assessment nobody knows",
      "assessment_gone",
      () => w.click("outsider", { a: "answer", c: t, r: "no-such-round", q: "q", v: "1" }),
    ],
    [
      "Start from another channel",
      "wrong_channel",
      () => w.click("outsider", { a: "start", c: t }, w.channel(ids.other)),
    ],
    ["Adopt from a DM", "wrong_channel", () => w.click("outsider", { a: "adopt", c: t, p: "x" })],
    [
      "Settings from another channel",
      "wrong_channel",
      () => w.click("outsider", { a: "settings", c: t }, w.channel(ids.other)),
    ],
    [
      "Re-check from another channel",
      "wrong_channel",
      () => w.click("outsider", { a: "recheck", c: t, d: "data" }, w.channel(ids.other)),
    ],
    [
      "Adopt of a step the model lost",
      "step_gone",
      () => w.click("opener", { a: "adopt", c: t, p: "gone" }, w.channel(t)),
    ],
    ["Done on a missing action", "action_gone", () => w.click("opener", { a: "act", c: t, i: "gone", s: "done" })],
    ["Change on a missing action", "action_gone", () => w.click("opener", { a: "change", c: t, i: "gone" })],
    [
      "a form for a missing action",
      "action_gone",
      () =>
        w.bot.handle({
          kind: "submit",
          form: { f: "action", c: t, i: "gone" },
          values: { owner: w.people.opener.id, due: "2027-01-01" },
          address: w.dm("opener"),
          user: w.people.opener,
          raw: null,
        }),
    ],
    [
      "an answer on a cancelled assessment",
      "assessment_cancelled",
      async () => {
        const mine = questionIn(await w.say("outsider", "start", w.dm("outsider")));
        await w.click("outsider", mine.navigation.find((n) => n.action.a === "cancel")!.action);
        return w.click("outsider", option(mine, 1));
      },
    ],
    [
      "Skip on a completed assessment",
      "assessment_completed",
      async () => {
        let replies = await w.say("admin", "start", w.dm("admin"));
        const first = questionIn(replies);
        for (let i = 0; i < 8; i++) replies = await w.click("admin", option(questionIn(replies), 2));
        return w.click("admin", first.navigation.find((n) => n.action.a === "skip")!.action);
      },
    ],
  ];
  return { problems, said };
}

/** What people read of a message on each platform (Slack mentions of channels taken out: Slack shows their names). */
function readable(message: OutboundMessage) {
  const slack = mrkdwnOf(renderMessage(message))
    .join("\n")
    .replace(/<#[CG][A-Z0-9]+>/g, "#channel");
  return { slack, teams: cardText(renderCard(message)), terminal: renderText(message) };
}

/** The one problem style: the mark before what happened, and what to do instead on the line below, alike. */
function expectProblemStyle(label: string, m: ProblemMessage) {
  const next = m.lines[0];
  const [slack] = mrkdwnOf(renderMessage(m)).slice(1);
  expect(slack?.split("\n")[0], `${label}: Slack`).toMatch(/^:warning: \S/);
  if (next) expect(slack?.split("\n")[1], `${label}: Slack's second line`).not.toMatch(/^[•-]/);

  const [head, second] = renderCard(m).body;
  expect(head, `${label}: Teams`).toMatchObject({ type: "TextBlock", color: "Attention" });
  expect(head?.type === "TextBlock" && head.text.startsWith("⚠ "), `${label}: Teams mark`).toBe(true);
  if (next) expect(second, `${label}: Teams' second line`).toMatchObject({ type: "TextBlock", spacing: "Small" });
  if (next) expect(second?.type === "TextBlock" && !second.text.startsWith("-"), `${label}: no list mark`).toBe(true);

  const terminal = renderText(m).split("\n");
  expect(terminal[0], `${label}: terminal`).toMatch(/^! \S/);
  if (next) expect(terminal[1], `${label}: terminal's second line`).toMatch(/^ {2}\S/);
}

describe.each([
  ["Slack", SLACK],
  ["Teams", TEAMS],
])("what the flows say on %s", (_, ids) => {
  it("tells every refusal, invalid input, expired button and closed round as a problem with a stable code", async () => {
    const { problems } = await scenarios(ids);
    for (const [label, code, run] of problems) {
      const replies = await run();
      const shown = replies.map((r) => r.message);
      const problem = shown.find((m): m is ProblemMessage => m.kind === "error");
      expect(problem?.code, `${label}: ${JSON.stringify(shown)}`).toBe(code);
      if (!problem) continue;
      expect(problem.text, label).toMatch(/[.!?:]$/);
      expectProblemStyle(label, problem);
      // Only the person hears about their own problem.
      expect(replies.find((r) => r.message === problem)?.delivery.to, label).not.toBe("channel");
    }
  });

  it("names no environment variable and shows no id, in anything said on the way", async () => {
    const { problems, said } = await scenarios(ids);
    const all = [...said];
    for (const [, , run] of problems) all.push(...(await run()));
    const everyId = [ids.workspace, ids.team, ids.other, ids.empty, ...Object.values(ids.people)];
    expect(all.length).toBeGreaterThan(60);
    for (const { message } of all) {
      const { slack, teams, terminal } = readable(message);
      for (const [where, text] of [
        ["Slack", slack],
        ["Teams", teams],
        ["terminal", terminal],
      ] as const) {
        expect(text, `${where}: ${text}`).not.toMatch(ENV_VAR);
      }
      // The terminal names a team by what was typed with --team, so only the chat clients are held to ids.
      for (const [where, text] of [
        ["Slack", slack],
        ["Teams", teams],
      ] as const) {
        expect(text, `${where}: ${text}`).not.toMatch(ids.shapes);
        for (const id of everyId) expect(text, `${where} shows ${id}`).not.toContain(id);
      }
    }
  });
});

describe("the checks can fail", () => {
  it("would catch a setting's name, an id and a problem that looks like information", () => {
    const old: OutboundMessage = {
      kind: "notice",
      text: "Only a workspace admin can see the organisation's roll-up.",
      lines: [`If you run this bot, add your id ${SLACK.people.outsider} to ADMIN_USER_IDS.`],
      buttons: [],
    };
    const { slack, teams } = readable(old);
    expect(slack).toMatch(ENV_VAR);
    expect(teams).toMatch(SLACK.shapes);
    expect(mrkdwnOf(renderMessage(old))[1]).not.toMatch(/^:warning:/);
  });
});

import fc from "fast-check";
import { findCommand } from "../../flows/commands/registry.js";
import { buttonClick, commandFields, directMessage, jsonFixture } from "../adapters/slack/harness.js";
import { FORM, interactionBody, JSON_TYPE } from "../fakes/slack-signing.js";
import type { RequestBuilder } from "./corpus.js";
import { clickChoice, ourButtonValue, owedForClick, place } from "./hostile-clicks.js";
import { hugeText, maybeMutations, mutate, oddText, protoBomb } from "./hostile-values.js";
import {
  channelChoice,
  channelFor,
  dmOf,
  finish,
  formOf,
  KEEP,
  type SlackTargets,
  sender,
  signing,
  slackPerson,
  teamFor,
} from "./slack-requests.js";

/**
 * Slack's side of the corpus: slash commands (form fields), block_actions clicks (`payload=` JSON in a form) and
 * Events API envelopes, all starting from the recorded payloads in test/adapters/slack/fixtures, then mutated.
 * Most are signed with the app's signing secret, so they get past Bolt's check and reach our parsing.
 */
/** What the person must have been told, as the fake Web API recorded it (mrkdwn may escape the apostrophe). */
const SAYS = {
  help: /I don(&#39;|')t know|Here is what I can do/,
  closed: /This round is closed/,
  lost: /can(&#39;|')t find that assessment/,
  outsider: /That invitation is for a channel you are not in/,
  question: /\d+\/\d+ · /,
  home: /MLOps maturity assessment/,
  text: /I only understand commands/,
  expired: /That button no longer works/,
  /** Whatever the flows make of it (a new round, or why not), the person hears back. */
  anything: /\w/,
};

const KNOWN_COMMANDS = [
  "",
  "help",
  "status",
  "summary",
  "history",
  "resume",
  "resume nudges",
  "start deep",
  "close",
  "target 3",
  "target 9",
  "target __proto__",
  "snooze 0",
  "snooze 1e9",
  "schedule",
  "schedule weekly tue 09:30 Europe/Berlin",
  "schedule monthly 99 25:61 Mars/Olympus_Mons",
  "schedule off",
  "pause",
  "forget-me",
  "forget-me confirm",
];
const commandText = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...KNOWN_COMMANDS) },
  { weight: 16, arbitrary: oddText },
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KNOWN_COMMANDS), oddText).map(([c, t]) => `${c} ${t}`) },
  { weight: 8, arbitrary: fc.constantFrom("frobnicate", "DROP TABLE rounds;--", "rm -rf /", "assess\u202e", "helpme") },
  { weight: 1, arbitrary: hugeText },
);

function command(t: SlackTargets) {
  const recorded = commandFields(t.api);
  return fc
    .record({
      text: commandText,
      team: place,
      channel: channelChoice,
      odd: oddText,
      mutations: maybeMutations,
      how: signing,
    })
    .map(
      (s): RequestBuilder =>
        (n) => {
          const user = sender(n, s.how === "good", s.mutations);
          const hook = `h${n}`;
          const reach = { user, hook };
          const channel_id = channelFor(s.channel, t, user, n, s.odd);
          const base = {
            ...recorded,
            team_id: teamFor(s.team, t, s.odd),
            channel_id,
            user_id: user,
            user_name: user.toLowerCase(),
            text: s.text,
            response_url: t.api.responseUrl(hook),
          };
          const fields = s.mutations ? mutate(base, s.mutations, KEEP) : base;
          const plain = !s.mutations && s.team !== "odd" && s.channel !== "odd";
          const parsed = findCommand(s.text.slice(0, 4000));
          return finish({
            label: `slack command${s.mutations ? " mutated" : ""}`,
            body: formOf(fields),
            contentType: FORM,
            how: s.how,
            reach,
            ...(plain ? { status: [200] } : {}),
            ...(plain && parsed.command.name === "help" ? { says: SAYS.help } : {}),
          });
        },
    );
}

const GARBAGE_VALUES = [
  "",
  "not json",
  "{",
  "null",
  "[]",
  '{"a":"nope","c":"C","r":"R"}',
  '{"a":"answer","c":"","r":"x","q":"y","v":"1"}',
  `{"a":"join","c":"${"C".repeat(300)}","r":"R"}`,
  '{"__proto__":{"a":"join","c":"C","r":"R"}}',
  `{"a":"answer","c":"C","r":"R","q":"q","v":"${"9".repeat(3000)}"}`,
];

function click(t: SlackTargets) {
  return fc
    .record({
      ...clickChoice,
      garbage: fc.oneof(fc.constantFrom(...GARBAGE_VALUES), oddText),
      container: fc.constantFrom("channel", "dm", "ephemeral", "home"),
      team: place,
      odd: oddText,
      actionId: fc.constantFrom("ma:answer:1", "ma:nav:back", "ma:join", "ma:h0:nav:resume"),
      mutations: maybeMutations,
      how: signing,
      copies: fc.constantFrom(1, 1, 1, 2),
    })
    .map(
      (s): RequestBuilder =>
        (n) => {
          const user = sender(n, s.how === "good", s.mutations);
          const ts = `1769${String(n).padStart(6, "0")}.000100`;
          const hook = `h${n}`;
          const value = s.kind === "garbage" ? s.garbage : ourButtonValue(s.kind, { ...s, n }, t, `C0HXS${n}`);
          const channel =
            s.container === "dm" ? dmOf(user) : s.kind === "stale-join" ? t.closed.channel : t.open.channel;
          const payload = buttonClick(
            { a: "join", c: channel, r: "placeholder" },
            {
              channel,
              messageTs: ts,
              user,
              ephemeral: s.container === "ephemeral",
              actionId: s.kind === "foreign" ? "feedback" : s.actionId,
              responseUrl: t.api.responseUrl(hook),
            },
          );
          const [first] = payload.actions as Array<Record<string, unknown>>;
          if (first) {
            if (value === undefined) delete first.value;
            else first.value = value;
          }
          const team = teamFor(s.team, t, s.odd);
          payload.team = { id: team, domain: "acme" };
          payload.user = { ...(payload.user as object), team_id: team };
          if (s.container === "home") {
            payload.container = { type: "view", view_id: `V0HX${n}` };
            delete payload.channel;
          }
          const body = s.mutations ? mutate(payload, s.mutations, KEEP) : payload;
          const owed = owedForClick(s.kind, value, s.team, s.container === "channel" || s.container === "ephemeral");
          const says = s.mutations || s.team === "odd" || !owed ? undefined : SAYS[owed];
          return finish({
            label: `slack click ${s.kind}${s.mutations ? " mutated" : ""}`,
            body: interactionBody(body),
            contentType: FORM,
            how: s.how,
            reach: { user, ts, hook },
            copies: s.copies,
            ...(s.mutations || s.team === "odd" ? {} : { status: [200] }),
            says,
          });
        },
    );
}

type EventKind = "home" | "dm" | "bot-dm" | "edited-dm" | "reaction" | "mention" | "challenge";
function event(t: SlackTargets) {
  const reactions = jsonFixture("vercel-chat_actions-reactions_slack.json");
  const modals = jsonFixture("vercel-chat_modals_slack.json");
  const home = jsonFixture("vercel-chat_event_callback_app_home_opened.json");
  const challenge = jsonFixture("python-slack-events-api_url_challenge.json");
  return fc
    .record({
      kind: fc.constantFrom<EventKind>("home", "dm", "dm", "bot-dm", "edited-dm", "reaction", "mention", "challenge"),
      text: fc.oneof(oddText, fc.constantFrom("help", "hi", "")),
      team: place,
      odd: oddText,
      mutations: maybeMutations,
      how: signing,
      // Slack redelivers an event it thinks we missed up to three times.
      copies: fc.constantFrom(1, 2, 3, 4),
    })
    .map(
      (s): RequestBuilder =>
        (n) => {
          const user = sender(n, s.how === "good", s.mutations);
          const team = teamFor(s.team, t, s.odd);
          const eventId = `Ev0HX${n}`;
          const envelope = (() => {
            switch (s.kind) {
              case "home":
                return {
                  ...home,
                  team_id: team,
                  event_id: eventId,
                  event: { ...(home.event as object), user, channel: dmOf(user) },
                };
              case "dm":
                return { ...directMessage(s.text, { user, channel: dmOf(user) }, eventId), team_id: team };
              case "bot-dm":
                return {
                  ...directMessage(s.text, { user, channel: dmOf(user), bot_id: "B0OTHER" }, eventId),
                  team_id: team,
                };
              case "edited-dm":
                return {
                  ...directMessage(s.text, { user, channel: dmOf(user), subtype: "message_changed" }, eventId),
                  team_id: team,
                };
              case "reaction":
                return { ...(reactions.reaction as object), team_id: team, event_id: eventId };
              case "mention":
                return { ...(modals.mention as object), team_id: team, event_id: eventId };
              case "challenge":
                return { ...challenge, challenge: s.odd };
            }
          })();
          const body = s.mutations ? mutate(envelope, s.mutations) : envelope;
          const reachable = !s.mutations && s.team !== "odd";
          const says = reachable
            ? s.kind === "home"
              ? SAYS.home
              : s.kind === "dm"
                ? SAYS.text
                : undefined
            : undefined;
          return finish({
            label: `slack event ${s.kind}${s.mutations ? " mutated" : ""}`,
            body: JSON.stringify(body),
            contentType: JSON_TYPE,
            how: s.how,
            reach: { user },
            copies: s.copies,
            ...(s.mutations || s.team === "odd" ? {} : { status: [200] }),
            says,
            once: says !== undefined,
          });
        },
    );
}

/** Bodies that are not a Slack payload at all, signed or not, under every content type Slack never uses. */
const RAW_BODIES: Array<[string | Buffer, string | undefined, readonly number[]]> = [
  ["null", JSON_TYPE, [400]],
  ["5", JSON_TYPE, [400]],
  ["[]", JSON_TYPE, [400]],
  ['"text"', JSON_TYPE, [400]],
  ["{", JSON_TYPE, [400]],
  ["", JSON_TYPE, [400]],
  ["{}", JSON_TYPE, [200]],
  ['{"type":"event_callback","team_id":"T1","event":null}', JSON_TYPE, [200]],
  ['{"type":"event_callback","team_id":"T1","event":{"type":"reaction_added","item":"x"}}', JSON_TYPE, [400]],
  [`payload=${encodeURIComponent('{"type":"block_actions","actions":"x"}')}`, FORM, [200]],
  ['{"command":{"__proto__":{"polluted":1}}}', JSON_TYPE, [200]],
  [Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0xc3]), JSON_TYPE, [400]],
  ["", FORM, [200]],
  ["payload=null", FORM, [400]],
  ["payload=%7B", FORM, [400]],
  ["payload=%ZZ%", FORM, [400]],
  ["__proto__=x&constructor=y&prototype=z&command=%2Fmlops-assess", FORM, [200]],
  [`payload=${encodeURIComponent('{"type":"block_actions","channel":null,"actions":[]}')}`, FORM, [400]],
  ["command=%2Fmlops-assess&text=help", `${FORM}; charset=utf-8`, [400]],
  ['{"type":"event_callback"}', "text/plain", [200]],
  ["a=b", undefined, [400]],
];

function raw() {
  return fc.record({ pick: fc.nat(RAW_BODIES.length - 1), how: signing }).map(
    (s): RequestBuilder =>
      (n) => {
        const [body, contentType, status] = RAW_BODIES[s.pick] as (typeof RAW_BODIES)[number];
        return finish({
          label: `slack raw #${s.pick}`,
          body,
          contentType,
          how: s.how,
          reach: { user: slackPerson(n) },
          status,
        });
      },
  );
}

/** Requests a well-behaved client never sends: other methods, and a body past Bolt's 4 MB limit. */
export function slackEdgeCases(t: SlackTargets): RequestBuilder[] {
  const big = (n: number) => `command=%2Fmlops-assess&user_id=${slackPerson(n)}&text=${"a".repeat(4.5 * 1024 * 1024)}`;
  const method =
    (m: string): RequestBuilder =>
    (n) => ({
      ...finish({
        label: `slack ${m}`,
        body: "",
        contentType: FORM,
        how: "good",
        reach: { user: slackPerson(n) },
        status: [405],
      }),
      method: m,
    });
  // An ssl_check needs no signature; a payload smuggled next to it must never reach the bot.
  const smuggled: RequestBuilder = (n) => {
    const user = slackPerson(n);
    const fields = { ...commandFields(t.api), user_id: user, text: "help", ssl_check: "1" };
    const reach = { user, hook: "command" };
    return {
      ...finish({
        label: "slack ssl_check smuggling a command",
        body: formOf(fields),
        contentType: FORM,
        how: "bad",
        reach,
      }),
      status: [200],
    };
  };
  return [
    method("GET"),
    method("PUT"),
    method("DELETE"),
    (n) =>
      finish({
        label: "slack 4.5 MB body",
        body: big(n),
        contentType: FORM,
        how: "good",
        reach: { user: slackPerson(n) },
        status: [413],
      }),
    smuggled,
    (n) =>
      finish({
        label: "slack proto bomb",
        body: JSON.stringify(protoBomb()),
        contentType: JSON_TYPE,
        how: "good",
        reach: { user: slackPerson(n) },
        status: [200],
      }),
  ];
}

export function slackCorpus(t: SlackTargets): fc.Arbitrary<RequestBuilder> {
  return fc.oneof(
    { weight: 5, arbitrary: command(t) },
    { weight: 5, arbitrary: click(t) },
    { weight: 4, arbitrary: event(t) },
    { weight: 2, arbitrary: raw() },
  );
}

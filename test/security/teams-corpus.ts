import fc from "fast-check";
import { parseTeamsActivity } from "../../adapters/teams/parse.js";
import { findCommand } from "../../flows/commands/registry.js";
import { fixture, recorded } from "../adapters/teams/harness.js";
import type { RequestBuilder } from "./corpus.js";
import { clickChoice, ourButtonValue, owedForClick } from "./hostile-clicks.js";
import { hugeText, maybeMutations, oddText, protoBomb } from "./hostile-values.js";
import {
  type Activity,
  activityFrom,
  finish,
  sender,
  serviceUrlChoice,
  type TeamsTargets,
  teamsPerson,
  tenantChoice,
  tenantFor,
  whereChoice,
  whereFor,
} from "./teams-requests.js";

/**
 * Teams' side of the corpus: activities POSTed to /api/messages the way the Bot Connector delivers them (channel
 * mentions, 1:1 messages, Action.Submit and messageBack values, adaptiveCard/action invokes, conversationUpdate,
 * installationUpdate), starting from the recorded activities in test/adapters/teams/fixtures, then mutated.
 */
/** What the person must have been told, as the fake Bot Connector (or the invoke response) carried it. */
const SAYS = {
  help: /I don't know|Here is what I can do/,
  closed: /This round is closed/,
  lost: /can't find that assessment/,
  outsider: /That invitation is for a channel you are not in/,
  question: /\d+\/\d+ · /,
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
  "close",
  "target 2",
  "snooze 3",
  "schedule",
  "schedule weekly",
  "forget-me",
  "pause",
];
const commandText = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...KNOWN_COMMANDS) },
  { weight: 16, arbitrary: oddText },
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KNOWN_COMMANDS), oddText).map(([c, t]) => `${c} ${t}`) },
  {
    weight: 4,
    arbitrary: fc.constantFrom("<at>Someone Else</at> help", "/mlops-assess frobnicate", "&nbsp;&nbsp;help"),
  },
  { weight: 1, arbitrary: hugeText },
);

function message(t: TeamsTargets) {
  return fc
    .record({
      text: commandText,
      where: whereChoice,
      tenant: tenantChoice,
      odd: oddText,
      mutations: maybeMutations,
      serviceUrl: serviceUrlChoice,
      copies: fc.constantFrom(1, 1, 1, 1, 1, 1, 1, 2),
    })
    .map(
      (s): RequestBuilder =>
        (n) => {
          const user = sender(n, s.mutations);
          const activity = activityFrom(user, whereFor(s.where, t, n), tenantFor(s.tenant, t, s.odd)).mention(
            s.text,
            `m${n}`,
          );
          // Whether this is an unknown command is the router's call, on the words the adapter hands it.
          const { event } = parseTeamsActivity(activity);
          const help = event.kind === "command" && findCommand(event.text).command.name === "help";
          return finish({
            label: `teams message ${s.where}`,
            activity,
            ...s,
            t,
            copies: s.copies,
            reach: { user },
            ...(help ? { says: SAYS.help } : {}),
          });
        },
    );
}

const GARBAGE_DATA: unknown[] = [
  null,
  "ma",
  [],
  { ma: "" },
  { ma: "{" },
  { ma: 5 },
  { ma: '{"a":"nope"}' },
  { ma: { a: "join" } },
  { actionId: "channel-post" },
  { ma: '{"a":"answer","c":"","r":"x","q":"y","v":"1"}' },
  { msteams: { type: "messageBack", text: "help", displayText: "help" } },
];

/** Somebody else's card in the same conversation: its data is not ours. */
const foreignData = (where: string) =>
  where === "personal" ? { actionId: "dm-action" } : { actionId: "channel-post" };

function click(t: TeamsTargets) {
  return fc
    .record({
      ...clickChoice,
      via: fc.constantFrom("submit", "messageBack", "invoke"),
      garbage: fc.nat(),
      where: whereChoice,
      tenant: tenantChoice,
      odd: oddText,
      mutations: maybeMutations,
      serviceUrl: serviceUrlChoice,
      copies: fc.constantFrom(1, 1, 1, 2),
    })
    .map(
      (s): RequestBuilder =>
        (n) => {
          const user = sender(n, s.mutations);
          const replyToId = `rp${n}`;
          const from = activityFrom(user, whereFor(s.where, t, n), tenantFor(s.tenant, t, s.odd));
          const value = ourButtonValue(s.kind, { ...s, n }, t, `19:hx-start-${n}@thread.tacv2`);
          const data =
            s.kind === "garbage"
              ? GARBAGE_DATA[s.garbage % GARBAGE_DATA.length]
              : s.kind === "foreign"
                ? foreignData(s.where)
                : { ma: value };
          const activity =
            s.via === "invoke"
              ? from.invoke(data, `i${n}`)
              : s.via === "messageBack"
                ? {
                    ...from.submit({ ...(data as object), msteams: { type: "messageBack" } }, replyToId, `b${n}`),
                    text: "help",
                  }
                : from.submit(data, replyToId, `s${n}`);
          const owed = owedForClick(s.kind, (data as { ma?: unknown } | null)?.ma, s.tenant, s.where === "open");
          const says = owed ? SAYS[owed] : undefined;
          return finish({
            label: `teams ${s.via} ${s.kind}`,
            activity,
            ...s,
            t,
            copies: s.copies,
            reach: { user, replyToId },
            says,
          });
        },
    );
}

type LifecycleKind =
  | "install"
  | "uninstall"
  | "bot-added"
  | "bot-removed"
  | "member-added"
  | "reaction"
  | "typing"
  | "other-invoke"
  | "unknown-type";
function lifecycle(t: TeamsTargets) {
  const install = fixture("vercel-chat_installationUpdate_add.json");
  const added = fixture("vercel-chat_conversationUpdate_botAdded_team.json");
  const reaction = recorded("vercel-chat_actions-reactions_teams.json", "reaction");
  return fc
    .record({
      kind: fc.constantFrom<LifecycleKind>(
        "install",
        "uninstall",
        "bot-added",
        "bot-removed",
        "member-added",
        "reaction",
        "typing",
        "other-invoke",
        "unknown-type",
      ),
      invokeName: fc.oneof(
        fc.constantFrom(
          "composeExtension/query",
          "task/fetch",
          "signin/verifyState",
          "config/fetch",
          "actionableMessage/executeAction",
          "fileConsent/invoke",
          "healthCheck",
        ),
        oddText,
      ),
      where: fc.constantFrom("fresh", "closed", "open"),
      tenant: tenantChoice,
      odd: oddText,
      mutations: maybeMutations,
      serviceUrl: serviceUrlChoice,
    })
    .map(
      (s): RequestBuilder =>
        (n) => {
          const user = sender(n, s.mutations);
          const tenant = tenantFor(s.tenant, t, s.odd);
          const channel = (whereFor(s.where, t, n) as { channel: string }).channel;
          const scoped = (a: Activity): Activity => ({
            ...a,
            id: `l${n}`,
            conversation: { ...(a.conversation as object), id: channel, tenantId: tenant },
            channelData: { ...(a.channelData as object), tenant: { id: tenant } },
          });
          const bot = (install.recipient as { id: string }).id;
          const activity: Activity = (() => {
            switch (s.kind) {
              case "install":
                return scoped(install);
              case "uninstall":
                return scoped({ ...install, action: "remove" });
              case "bot-added":
                return scoped(added);
              case "bot-removed": {
                const { membersAdded: _added, ...rest } = added;
                return scoped({ ...rest, membersRemoved: [{ id: bot }] });
              }
              case "member-added":
                return scoped({ ...added, membersAdded: [{ id: user }] });
              case "reaction":
                return scoped(reaction);
              case "typing":
                return scoped({ ...install, type: "typing", action: undefined });
              case "other-invoke":
                return scoped({ ...install, type: "invoke", name: s.invokeName, value: protoBomb() });
              case "unknown-type":
                return scoped({ ...install, type: s.odd || "event" });
            }
          })();
          // The bot offers no invoke but adaptiveCard/action: the others are the request's mistake.
          const status = s.kind === "other-invoke" ? { status: [400] } : {};
          return finish({ label: `teams ${s.kind}`, activity, ...s, t, reach: { user }, ...status });
        },
    );
}

/** Bodies that are not an activity at all, and activities botbuilder could not even start a turn with. */
const RAW_BODIES: Array<[string | Buffer, readonly number[]]> = [
  ["", [400]],
  ["{", [400]],
  ["null", [400]],
  ["5", [400]],
  ["[]", [400]],
  ['"activity"', [400]],
  ["{}", [400]],
  ['{"type":5,"serviceUrl":"x"}', [400]],
  ['{"type":"message","text":"help"}', [400]],
  ['{"type":"","serviceUrl":"x"}', [400]],
  ['{"type":"message","serviceUrl":""}', [400]],
  [Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0xc3]), [400]],
];

function raw() {
  return fc.nat(RAW_BODIES.length - 1).map(
    (pick): RequestBuilder =>
      (n) => {
        const [body, status] = RAW_BODIES[pick] as (typeof RAW_BODIES)[number];
        return {
          endpoint: "teams",
          label: `teams raw #${pick}`,
          headers: { "content-type": "application/json" },
          body,
          copies: 1,
          reach: { user: teamsPerson(n) },
          status,
        };
      },
  );
}

/** Requests a well-behaved Bot Connector never sends: other methods, and a body past the 256 KB limit. */
export function teamsEdgeCases(t: TeamsTargets): RequestBuilder[] {
  const method =
    (m: string): RequestBuilder =>
    (n) => ({
      endpoint: "teams",
      label: `teams ${m}`,
      method: m,
      headers: {},
      body: "",
      copies: 1,
      reach: { user: teamsPerson(n) },
      status: [405],
    });
  const big: RequestBuilder = (n) => ({
    endpoint: "teams",
    label: "teams 300 KB activity",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      ...activityFrom(teamsPerson(n), "personal", t.tenant).mention("x".repeat(300_000), `m${n}`),
      serviceUrl: t.serviceUrl,
    }),
    copies: 1,
    reach: { user: teamsPerson(n) },
    status: [413],
  });
  const wrongType: RequestBuilder = (n) => ({
    endpoint: "teams",
    label: "teams activity as text/plain",
    headers: { "content-type": "text/plain" },
    body: JSON.stringify({
      ...activityFrom(teamsPerson(n), "personal", t.tenant).mention("help", `m${n}`),
      serviceUrl: t.serviceUrl,
    }),
    copies: 1,
    reach: { user: teamsPerson(n) },
    status: [200],
  });
  return [method("GET"), method("PUT"), big, wrongType];
}

export function teamsCorpus(t: TeamsTargets): fc.Arbitrary<RequestBuilder> {
  // Channel messages cost the most (a private reply opens a 1:1 chat: three connector calls), raw bodies the least.
  return fc.oneof(
    { weight: 3, arbitrary: message(t) },
    { weight: 5, arbitrary: click(t) },
    { weight: 3, arbitrary: lifecycle(t) },
    { weight: 2, arbitrary: raw() },
  );
}

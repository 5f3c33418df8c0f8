import fc from "fast-check";
import { recorded } from "../adapters/teams/harness.js";
import type { HostileRequest, Reach } from "./corpus.js";
import { type Place, place } from "./hostile-clicks.js";
import { type Mutation, mutate } from "./hostile-values.js";

/**
 * How the Teams side of the corpus is addressed: activities in the recorded shapes (test/adapters/teams/fixtures)
 * from one person, in a channel thread or their 1:1 chat, in the seeded tenant or a forged one, and what the
 * mangled ones must get back. The Bot Connector's serviceUrl is always the fake or no URL at all, never a host.
 */
export interface TeamsTargets {
  serviceUrl: string;
  tenant: string;
  closed: { channel: string; round: string };
  open: { channel: string; round: string };
}

export type Activity = Record<string, unknown>;

export const teamsPerson = (n: number) => `29:hx-${n}`;
/** Mangled activities are owed nothing in particular: they come from a few dozen attackers, again and again. */
const ATTACKERS = 40;
export const sender = (n: number, mutated: unknown) => (mutated ? `29:hx-pool-${n % ATTACKERS}` : teamsPerson(n));
export const personalChatOf = (user: string) => `a:personal-${user}`;
const BOT_NAME = "Chat SDK Demo";

/** Activities in the recorded shapes, from one person, in a channel thread or their 1:1 chat. */
const MENTION = recorded("vercel-chat_channel_teams.json", "mention");

export function activityFrom(user: string, where: { channel: string; thread?: string } | "personal", tenant: string) {
  const mention = MENTION;
  const conversation =
    where === "personal"
      ? { conversationType: "personal", tenantId: tenant, id: personalChatOf(user) }
      : {
          ...(mention.conversation as object),
          tenantId: tenant,
          id: where.thread ? `${where.channel};messageid=${where.thread}` : where.channel,
        };
  const channelData =
    where === "personal"
      ? { tenant: { id: tenant } }
      : { ...(mention.channelData as object), tenant: { id: tenant }, channel: { id: where.channel } };
  return {
    mention: (text: string, id: string): Activity => ({
      ...mention,
      id,
      text: where === "personal" ? text : `<at>${BOT_NAME}</at> ${text}`,
      from: { id: user, name: user, aadObjectId: "00000000-1111-2222-3333-444444444444" },
      conversation,
      channelData,
    }),
    submit: (value: unknown, replyToId: string, id: string): Activity => {
      const { text: _text, attachments: _attachments, ...base } = mention;
      return {
        ...base,
        id,
        from: { id: user, name: user },
        conversation,
        channelData: { ...channelData, source: { name: "message" } },
        replyToId,
        value,
      };
    },
    invoke: (data: unknown, id: string): Activity => {
      const { text: _text, attachments: _attachments, ...base } = mention;
      return {
        ...base,
        type: "invoke",
        name: "adaptiveCard/action",
        id,
        from: { id: user, name: user },
        conversation,
        channelData,
        value: { action: { type: "Action.Execute", verb: "ma", data }, trigger: "manual" },
      };
    },
  };
}

/** Where an activity comes from: the seeded channels, a channel nobody seeded, or the person's 1:1 chat. */
export const whereChoice = fc.constantFrom("closed", "open", "fresh", "personal");
export function whereFor(choice: string, t: TeamsTargets, n: number) {
  if (choice === "personal") return "personal" as const;
  const channel =
    choice === "closed" ? t.closed.channel : choice === "open" ? t.open.channel : `19:hx${n}@thread.tacv2`;
  return { channel, thread: `17712${n}` };
}

/** Plain ids keep a person reachable; odd ones are for the "does not crash" part only. */
export const tenantChoice = place;
export const tenantFor = (p: Place, t: TeamsTargets, odd: string) =>
  p === "real" ? t.tenant : p === "forged" ? "ffffffff-0000-0000-0000-forgedtenant" : odd;

/** serviceUrl is where the app replies: the fake connector, or (rarely) something that is no http(s) URL at all. */
export const serviceUrlChoice = fc.oneof(
  { weight: 30, arbitrary: fc.constant("fake") },
  { weight: 1, arbitrary: fc.constantFrom("not a url", "javascript:alert(1)", "ftp://127.0.0.1/x", "http://[::1") },
);

const KEEP = new Set(["serviceUrl"]);

/** The 256 KB the adapter reads at most (adapters/teams/http.ts): past it, 413 and nobody is answered. */
const MAX_BODY_BYTES = 256 * 1024;

export interface Draft {
  label: string;
  activity: Activity;
  mutations: Mutation[] | undefined;
  serviceUrl: string;
  tenant: Place;
  t: TeamsTargets;
  /** The person, and the card their click came from. */
  reach: Reach;
  /** What they are owed, unless the activity was mangled, unreachable or too big to read. */
  says?: RegExp | undefined;
  copies?: number;
  /** The same activity (its id) delivered `copies` times: exactly one reply. */
  once?: boolean;
  /** What an unmutated activity must get, when not 200. */
  status?: readonly number[];
}

export function finish(d: Draft): HostileRequest {
  const mutated = d.mutations ? mutate(d.activity, d.mutations, KEEP) : d.activity;
  const reachable = d.serviceUrl === "fake";
  const body = JSON.stringify({ ...mutated, serviceUrl: reachable ? d.t.serviceUrl : d.serviceUrl });
  const tooBig = Buffer.byteLength(body) > MAX_BODY_BYTES;
  const plain = !d.mutations && reachable && d.tenant !== "odd" && !tooBig;
  return {
    endpoint: "teams",
    label: `${d.label}${d.mutations ? " mutated" : ""}${reachable ? "" : " (unreachable serviceUrl)"}`,
    headers: { "content-type": "application/json" },
    body,
    copies: d.copies ?? 1,
    ...(tooBig ? { status: [413] } : !reachable ? { status: [400] } : d.mutations ? {} : { status: d.status ?? [200] }),
    reach: d.reach,
    ...(plain && d.says ? { owed: d.says } : {}),
    ...(plain && d.once ? { once: true } : {}),
  };
}

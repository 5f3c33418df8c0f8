import fc from "fast-check";
import { TEST_SIGNING_SECRET } from "../adapters/slack/harness.js";
import type { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { nowSeconds, slackSignature } from "../fakes/slack-signing.js";
import type { HostileRequest, Reach } from "./corpus.js";
import type { Place } from "./hostile-clicks.js";

/**
 * How the Slack side of the corpus is addressed and signed: who sends (a person nobody else is, or one of a few
 * attackers), from which workspace and channel (the seeded ones, forged ones, odd ones), and with which signature
 * (mostly the app's real one; sometimes missing, wrong, stale or from another secret, which must get 401 and reach
 * nobody).
 */
export interface SlackTargets {
  api: FakeSlackApi;
  team: string;
  /** A seeded round that was closed, and one that is open (both with other people's answers in them). */
  closed: { channel: string; round: string };
  open: { channel: string; round: string };
}

/** A person who is nobody else in the corpus: their messages can be told apart from everyone else's. */
export const slackPerson = (n: number) => `U0HX${n.toString(36).toUpperCase().padStart(5, "0")}`;
/**
 * Whoever sends a signed but mangled payload is owed nothing in particular, so those come from a few dozen
 * attackers sending again and again (as one would), whose profiles and DMs the app already knows.
 */
const ATTACKERS = 40;
export const sender = (n: number, signed: boolean, mutated: unknown) =>
  signed && mutated ? `U0HXPOOL${n % ATTACKERS}` : slackPerson(n);
export const dmOf = (user: string) => `D${user.slice(1)}`;

export type Signing = "good" | "bad" | "no-signature" | "no-timestamp" | "stale" | "other-secret" | "v1";
export const signing = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Signing>("good") },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Signing>("bad", "no-signature", "no-timestamp", "stale", "other-secret", "v1"),
  },
);

function headersFor(body: string | Buffer, contentType: string | undefined, how: Signing): Record<string, string> {
  const text = body.toString();
  const at = how === "stale" ? nowSeconds() - 600 : nowSeconds();
  const signature =
    how === "bad"
      ? `v0=${"0".repeat(64)}`
      : how === "other-secret"
        ? slackSignature("a-different-signing-secret", at, text)
        : how === "v1"
          ? slackSignature(TEST_SIGNING_SECRET, at, text).replace("v0=", "v1=")
          : slackSignature(TEST_SIGNING_SECRET, at, text);
  return {
    ...(contentType ? { "content-type": contentType } : {}),
    ...(how === "no-timestamp" ? {} : { "x-slack-request-timestamp": String(at) }),
    ...(how === "no-signature" ? {} : { "x-slack-signature": signature }),
  };
}

/** Form fields as Slack would send them, plus what a mutation made of them (arrays repeat a key). */
export function formOf(fields: Record<string, unknown>): string {
  const entries: [string, string][] = [];
  const text = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) entries.push([key, text(item)]);
  }
  return new URLSearchParams(entries).toString();
}

export interface Draft {
  label: string;
  body: string | Buffer;
  contentType?: string;
  how: Signing;
  /** The person, and the message and response_url their request carries. */
  reach: Reach;
  /** What they are owed when the request is signed. */
  says?: RegExp | undefined;
  copies?: number;
  once?: boolean;
  status?: readonly number[];
  method?: string;
}

/** Signing decides the status of a bad request and that nobody hears about it; a good one keeps its own rules. */
export function finish(d: Draft): HostileRequest {
  const good = d.how === "good";
  return {
    endpoint: "slack",
    label: good ? d.label : `${d.label} (${d.how} signature)`,
    ...(d.method ? { method: d.method } : {}),
    headers: headersFor(d.body, d.contentType, d.how),
    body: d.body,
    copies: d.copies ?? 1,
    reach: d.reach,
    ...(good ? {} : { status: [401], silent: true }),
    ...(good && d.status ? { status: d.status } : {}),
    ...(good && d.says ? { owed: d.says } : {}),
    ...(good && d.once ? { once: true } : {}),
  };
}

export function teamFor(p: Place, t: SlackTargets, odd: string): string {
  return p === "real" ? t.team : p === "forged" ? "T0FORGED01" : odd;
}

export const channelChoice = fc.constantFrom("closed", "open", "fresh", "dm", "odd");
export function channelFor(choice: string, t: SlackTargets, user: string, n: number, odd: string): string {
  switch (choice) {
    case "closed":
      return t.closed.channel;
    case "open":
      return t.open.channel;
    case "dm":
      return dmOf(user);
    case "odd":
      return odd;
    default:
      return `C0HXF${n}`;
  }
}

export const KEEP = new Set(["response_url"]);

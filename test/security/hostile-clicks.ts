import fc from "fast-check";
import { decodeAction } from "../../src/chat/actions.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { questionsFor } from "../../src/engine/questions.js";
import { oddText } from "./hostile-values.js";

/**
 * The buttons a person (or an attacker) may click, whatever the platform: the same kinds of click, carrying the
 * same actions, owed the same answer. Each platform's corpus only packages them its way (Slack: a block_actions
 * `value`; Teams: the card data of an Action.Submit, messageBack or invoke) and adds garbage of its own shape.
 */
export type ClickKind =
  | "stale-join"
  | "unknown-join"
  | "open-join"
  | "orphan-nav"
  | "orphan-answer"
  | "start"
  | "garbage"
  | "foreign";

/** Where the requests come from: the real workspace or tenant, a forged one, or garbage ids. */
export type Place = "real" | "forged" | "odd";
export const place = fc.constantFrom<Place>("real", "real", "real", "forged", "odd");

/** The rounds the corpus aims at: one open, one closed (set up before the corpus runs). */
export interface RoundTargets {
  open: { channel: string; round: string };
  closed: { channel: string; round: string };
}

const QUESTION_IDS = questionsFor(defaultModel, "quick").map((q) => q.id);

export const clickChoice = {
  kind: fc.constantFrom<ClickKind>(
    "stale-join",
    "unknown-join",
    "open-join",
    "orphan-nav",
    "orphan-answer",
    "start",
    "garbage",
    "foreign",
  ),
  nav: fc.constantFrom("back", "skip", "cancel", "resume"),
  q: fc.oneof(fc.constantFrom(...QUESTION_IDS), fc.constantFrom("q-999", "__proto__", "constructor"), oddText),
  v: fc.oneof(fc.constantFrom("0", "1", "2", "3", "4", "not-sure", "99", "-1"), oddText),
};

/**
 * The encoded action one of our buttons would carry for this kind of click (as the renderers encode it); undefined
 * for garbage and foreign clicks, which each platform builds in its own shape. `startIn` is a channel the clicker
 * is not in: a Start button naming it is forged.
 */
export function ourButtonValue(
  kind: ClickKind,
  s: { nav: string; q: string; v: string; n: number },
  t: RoundTargets,
  startIn: string,
): string | undefined {
  const open = { c: t.open.channel, r: t.open.round };
  switch (kind) {
    case "stale-join":
      return JSON.stringify({ a: "join", c: t.closed.channel, r: t.closed.round });
    case "unknown-join":
      return JSON.stringify({ a: "join", c: t.open.channel, r: `gone${s.n}` });
    case "open-join":
      return JSON.stringify({ a: "join", ...open });
    case "orphan-nav":
      return JSON.stringify({ a: s.nav, ...open });
    case "orphan-answer":
      return JSON.stringify({ a: "answer", ...open, q: s.q, v: s.v });
    case "start":
      return JSON.stringify({ a: "start", c: startIn, m: "quick" });
    case "garbage":
    case "foreign":
      return undefined;
  }
}

/** What the person who clicked must hear, by what the button carries (decoded the way the app decodes it). */
export type ClickReply = "expired" | "question" | "closed" | "lost" | "outsider" | "anything";

/**
 * `inRoundChannel`: the click came from the open round's own channel (where its invitation is). A join from
 * anywhere else is refused, since nobody in the corpus is on a channel's member list (issue 18).
 */
export function owedForClick(
  kind: ClickKind,
  carried: unknown,
  from: Place,
  inRoundChannel: boolean,
): ClickReply | undefined {
  // Only a string can be our button's value; anything else is somebody else's card.
  if (kind === "foreign" || typeof carried !== "string") return undefined;
  const action = decodeAction(carried);
  if (!action) return "expired";
  switch (action.a) {
    case "join":
      if (kind !== "open-join" || from !== "real") return "closed";
      return inRoundChannel ? "question" : "outsider";
    case "start":
      // Whatever the flows make of it (a new round, or why not), the person hears back.
      return "anything";
    default:
      return "lost";
  }
}

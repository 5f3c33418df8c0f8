import { command } from "../src/chat/command-words.js";
import type { Button, Delivery, Reply } from "../src/chat/outbound.js";

/** A notice only the person sees (Slack: ephemeral; Teams: their 1:1 chat). */
export function privately(text: string, lines: string[] = [], buttons: Button[] = []): Reply {
  return { message: { kind: "notice", text, lines, buttons }, delivery: { to: "private", ephemeral: true } };
}

/**
 * A request that did not happen (refused, invalid input, expired or closed), told only to the person in the one
 * problem style every platform shows alike: `text` says what happened, `next` what to do instead. `code` is stable,
 * for logs and metrics, never shown. An empty state ("No closed rounds yet") is information, not a problem.
 */
export function problem(
  code: string,
  text: string,
  next?: string,
  delivery: Delivery = { to: "private", ephemeral: true },
): Reply {
  return { message: { kind: "error", code, text, lines: next ? [next] : [], buttons: [] }, delivery };
}

/** A notice for the whole channel (targets, schedules, history: things the team should see). */
export function toChannel(text: string, lines: string[] = []): Reply {
  return { message: { kind: "notice", text, lines, buttons: [] }, delivery: { to: "channel" } };
}

/** A notice with an explicit delivery (e.g. replacing the question the person clicked). */
export function notice(text: string, delivery: Delivery): Reply {
  return { message: { kind: "notice", text, lines: [], buttons: [] }, delivery };
}

/**
 * What `summary`, `status` and `close` say where there is no round. A direct conversation (a DM or group DM, with
 * the bot or between people) is not a team: only the person's own assessment lives there, and they are told so.
 */
export function noRoundHere(isDirect: boolean, what = "No assessment yet here."): Reply {
  return isDirect
    ? privately("This is a direct conversation, not a team's channel: only your own assessment lives here.", [
        `You have none yet: start one with ${command()}, or run this in the team's channel for the team's round.`,
      ])
    : privately(`${what} Start one with ${command()}.`);
}

import type { Delivery, Reply } from "../src/chat/outbound.js";

/** A notice only the person sees (Slack: ephemeral; Teams: their 1:1 chat). */
export function privately(text: string, lines: string[] = []): Reply {
  return { message: { kind: "notice", text, lines, buttons: [] }, delivery: { to: "private", ephemeral: true } };
}

/** A notice for the whole channel (targets, schedules, history: things the team should see). */
export function toChannel(text: string, lines: string[] = []): Reply {
  return { message: { kind: "notice", text, lines, buttons: [] }, delivery: { to: "channel" } };
}

/** A notice with an explicit delivery (e.g. replacing the question the person clicked). */
export function notice(text: string, delivery: Delivery): Reply {
  return { message: { kind: "notice", text, lines: [], buttons: [] }, delivery };
}

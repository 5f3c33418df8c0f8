import { command } from "../../src/chat/command-words.js";
import type { Reply } from "../../src/chat/outbound.js";
import { personName } from "../../src/chat/person-name.js";
import { problem } from "../replies.js";
import type { TeamAction } from "./action-state.js";

/** A click or form for an action that no longer exists (forget-me, the team's data removed, a forged id). */
export const actionGone = (): Reply =>
  problem(
    "action_gone",
    "That action is gone: the team may have removed its data.",
    `See the open ones with ${command("actions")}.`,
  );

export const ownerName = (a: TeamAction, unnamed?: string): string => personName(a.owner, unnamed);

/** "Pipeline monitoring · Ann · due 2026-12-23" (done and dropped ones say so). */
export function actionLine(a: TeamAction): string {
  const state = a.state === "open" ? "" : ` (${a.state})`;
  return `${a.title}${state} · ${ownerName(a)} · due ${a.due}`;
}

/** One action with what can be done about it: Done, Drop, Change (owner and due date). */
export function actionCard(a: TeamAction, channel: string): Reply {
  return {
    message: {
      kind: "notice",
      text: actionLine(a),
      lines: [],
      buttons: [
        { label: "Done", action: { a: "act", c: channel, i: a.id, s: "done" }, style: "primary" },
        { label: "Drop", action: { a: "act", c: channel, i: a.id, s: "dropped" } },
        { label: "Change", action: { a: "change", c: channel, i: a.id } },
      ],
    },
    delivery: { to: "private", ephemeral: true },
  };
}

/** At the reassessment reminder, privately to the owner: one question, three answers. */
export function followUp(a: TeamAction, channel: string): Reply {
  return {
    message: {
      kind: "notice",
      text: `Did "${a.title}" happen?`,
      lines: [`Your team adopted it; it was due ${a.due}.`],
      buttons: [
        { label: "Done", action: { a: "act", c: channel, i: a.id, s: "done" }, style: "primary" },
        { label: "Still on it", action: { a: "act", c: channel, i: a.id, s: "open" } },
        { label: "Dropped", action: { a: "act", c: channel, i: a.id, s: "dropped" } },
      ],
    },
    delivery: { to: "private" },
  };
}

/** Lines for the channel's reminder: what the team said it would do. */
export function openActionLines(open: readonly TeamAction[]): string[] {
  return open.length === 0
    ? []
    : [`Open actions: ${open.map((a) => `${a.title} (${ownerName(a)}, due ${a.due})`).join("; ")}`];
}

import type { Reply } from "../../src/chat/outbound.js";
import type { AssessmentModel } from "../../src/engine/model-schema.js";
import type { AssessState } from "../assess/assess-state.js";
import type { RoundRecord } from "../rounds/round-state.js";

/** The channel reminder: time to reassess, where the team stood last time, one button to start. */
export function teamReminder(
  model: AssessmentModel,
  channel: string,
  last: RoundRecord | undefined,
  /** What the team said it would do (open actions), so the reassessment can be held against it. */
  actionLines: string[] = [],
): Reply {
  const level = last?.snapshot?.overall;
  const lastLine =
    level === undefined
      ? "No round has been closed here yet."
      : `Last round (${last?.closedAt.slice(0, 10)}): Level ${level} - ${model.levels[level]?.name ?? ""}.`;
  return {
    message: {
      kind: "notice",
      text: "Time to reassess your team's MLOps maturity: a few minutes each, answered privately.",
      lines: [lastLine, ...actionLines],
      buttons: [{ label: "Start reassessment", action: { a: "start", c: channel, m: "quick" }, style: "primary" }],
    },
    delivery: { to: "channel" },
  };
}

/** A private reminder to finish a half-done assessment (at most two are ever sent). */
export function personReminder(state: AssessState, number: number): Reply {
  const answered = Object.keys(state.answers).length;
  return {
    message: {
      kind: "notice",
      text: `You have an MLOps maturity assessment half done (${answered} answered). Pick it up where you left off?`,
      lines: number > 1 ? ["Last reminder: I won't ask again. `snooze <days>` pauses reminders."] : [],
      buttons: [{ label: "Resume", action: { a: "resume", c: state.channel, r: state.roundId }, style: "primary" }],
    },
    delivery: { to: "private" },
  };
}

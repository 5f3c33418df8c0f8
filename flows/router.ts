import type { Mode } from "../src/engine/answers.js";
import type { Level } from "../src/engine/model-schema.js";

/** A chat command, whatever the platform: the words after `/mlops-assess` (or sent to the bot in Teams). */
export type Command =
  | { kind: "start"; mode: Mode }
  | { kind: "resume" }
  | { kind: "status" }
  | { kind: "summary" }
  | { kind: "history" }
  | { kind: "close" }
  | { kind: "target"; level: Level | undefined }
  | { kind: "schedule"; text: string }
  | { kind: "pause" }
  | { kind: "unpause" }
  | { kind: "snooze"; days: number | undefined }
  | { kind: "forget-me"; confirmed: boolean }
  | { kind: "privacy"; text: string }
  | { kind: "org" }
  | { kind: "evidence"; text: string }
  | { kind: "export"; format: "csv" | "json" | undefined }
  | { kind: "help"; unknown?: string };

export const HELP_LINES = [
  "`/mlops-assess` or `/mlops-assess start [quick|deep]`: start a round in this channel, or join the open one (in a DM: a personal assessment)",
  "`/mlops-assess resume`: carry on where you left off",
  "`/mlops-assess evidence [n] <link>`: back your latest answer (or question n) with a link: CI run, dashboard, runbook; `evidence` lists yours",
  "`/mlops-assess status`: who has answered, and where you are",
  "`/mlops-assess summary`: post the team's result in the channel",
  "`/mlops-assess history`: the team's levels over past rounds",
  "`/mlops-assess close`: close the round and keep it in the history (opener or admin)",
  "`/mlops-assess export [csv|json]`: the team's rounds as a file (individual answers only from attributed rounds)",
  "`/mlops-assess target <0-4>`: the level this team aims for; next steps never go beyond it",
  "`/mlops-assess schedule weekly|biweekly|monthly|quarterly [day] [HH:MM] [time zone]`: remind this channel to reassess (`schedule` shows it, `schedule off` stops it)",
  "`/mlops-assess pause` / `/mlops-assess resume nudges`: pause or restart this channel's reminders",
  "`/mlops-assess snooze <days>`: no reminders to you about an unfinished assessment for that long",
  "`/mlops-assess privacy [confidential|attributed|min <n>]`: who may see what people answered (opener or admin)",
  "`/mlops-assess org`: every team's latest levels, the weakest dimension and who is due to reassess (workspace admins)",
  "`/mlops-assess forget-me`: delete every answer you gave in this workspace (team results are recomputed without you)",
  "`/mlops-assess help`: this list",
];

/** Parse the command text. Unknown words get help with examples, never an error. */
export function parseCommand(text: string): Command {
  const original = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // Teams users type the command name; Slack puts it in `command`, not in the text.
  if (/^\/?mlops-assess$/i.test(original[0] ?? "")) original.shift();
  const words = original.map((w) => w.toLowerCase());
  const [word, arg] = words;
  switch (word) {
    case undefined:
      return { kind: "start", mode: "quick" };
    case "start":
    case "assess":
    case "quick":
    case "deep":
      return { kind: "start", mode: word === "deep" || arg === "deep" ? "deep" : "quick" };
    case "resume":
    case "continue":
      return arg === "nudges" || arg === "reminders" ? { kind: "unpause" } : { kind: "resume" };
    case "schedule":
      // Time zones and cron expressions are case-sensitive: pass the words as typed.
      return { kind: "schedule", text: original.slice(1).join(" ") };
    case "pause":
      return { kind: "pause" };
    case "snooze": {
      const days = Number(arg);
      return { kind: "snooze", days: Number.isInteger(days) && days >= 1 && days <= 90 ? days : undefined };
    }
    case "forget-me":
    case "forgetme":
      return { kind: "forget-me", confirmed: arg === "confirm" };
    case "org":
      return { kind: "org" };
    case "export":
      return {
        kind: "export",
        format: arg === undefined || arg === "csv" ? "csv" : arg === "json" ? "json" : undefined,
      };
    case "evidence":
      // Links are case-sensitive: pass them as typed.
      return { kind: "evidence", text: original.slice(1).join(" ") };
    case "privacy":
      return { kind: "privacy", text: words.slice(1).join(" ") };
    case "status":
      return { kind: "status" };
    case "summary":
    case "results":
      return { kind: "summary" };
    case "history":
      return { kind: "history" };
    case "close":
      return { kind: "close" };
    case "target": {
      const level = Number(arg);
      return {
        kind: "target",
        level: Number.isInteger(level) && level >= 0 && level <= 4 ? (level as Level) : undefined,
      };
    }
    case "help":
      return { kind: "help" };
    default:
      return { kind: "help", unknown: word };
  }
}

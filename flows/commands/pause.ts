import { command } from "../../src/chat/command-words.js";
import { setRemindersPaused } from "../nudge/reminder-pause.js";
import { defineCommand } from "./command.js";

/** Pause this channel's reassessment reminders (`resume nudges` restarts them). */
export const pause = defineCommand<Record<string, never>>({
  name: "pause",
  aliases: [],
  usage: "pause",
  help: `pause this channel's reminders (${command("resume nudges")} restarts them)`,
  parse: () => ({}),
  permission: () => ({ who: "scheduler", to: "pause or resume reminders" }),
  run: (ctx, event) => setRemindersPaused(ctx, event, true),
});

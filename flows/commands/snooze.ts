import { command } from "../../src/chat/command-words.js";
import { DAY_MS } from "../../src/time-units.js";
import { privately, problem } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";

/** No reminders to you about an unfinished assessment for a number of days. */
export const snooze = defineCommand<{ days: number | undefined }>({
  name: "snooze",
  aliases: [],
  usage: "snooze <days>",
  help: "no reminders to you about an unfinished assessment for that long",
  suggestion: { example: "snooze 7", inPersonal: "No reminders to you for a week" },
  parse: ({ args }) => {
    const days = Number(args[0]);
    return { days: Number.isInteger(days) && days >= 1 && days <= 90 ? days : undefined };
  },
  permission: () => ANYONE,
  async run(ctx, { address, user }, { days }) {
    if (days === undefined)
      return [
        problem("invalid_days", "Snooze takes a number of days from 1 to 90.", `For example ${command("snooze 7")}.`),
      ];
    await ctx.schedules.snooze(address, user.id, new Date(ctx.clock().getTime() + days * DAY_MS));
    return [privately(`No reminders about unfinished assessments for ${days} day(s).`)];
  },
});

import { command } from "../../src/chat/command-words.js";
import { continueAssessment } from "../assess/assess-service.js";
import { setRemindersPaused } from "../nudge/reminder-pause.js";
import { problem } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";

/** Carry on with your assessment; `resume nudges` restarts the channel's paused reminders. */
export const resume = defineCommand<{ nudges: boolean }>({
  name: "resume",
  aliases: ["continue"],
  usage: "resume",
  help: `carry on where you left off (${command("resume nudges")} restarts paused reminders)`,
  suggestion: {
    example: "resume",
    inTeam: "Carry on with your answers in your chat with the bot",
    inPersonal: "Carry on where you left off",
  },
  parse: ({ args }) => ({ nudges: ["nudges", "reminders"].includes(args[0]?.toLowerCase() ?? "") }),
  permission: ({ nudges }) => (nudges ? { who: "scheduler", to: "pause or resume reminders" } : ANYONE),
  async run(ctx, event, { nudges }) {
    if (nudges) return setRemindersPaused(ctx, event, false);
    const { address, user } = event;
    const pointer = await ctx.repo.active(address, user.id);
    if (!pointer)
      return [problem("nothing_to_resume", "You have no assessment to carry on with.", `Start one with ${command()}.`)];
    // A closed round is refused by continueAssessment, with the same explanation as a late click.
    return continueAssessment(ctx, address, user, pointer, { type: "resume" }, { to: "private", ephemeral: false });
  },
});

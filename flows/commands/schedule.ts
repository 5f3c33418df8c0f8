import { command } from "../../src/chat/command-words.js";
import { nextDue } from "../../src/schedule/next-due.js";
import { describeCadence, formatLocal, parseSchedule } from "../../src/schedule/parse-schedule.js";
import { scopeOf } from "../context.js";
import { privately, problem, toChannel } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";

/** `schedule ...`: show, set or stop this channel's reassessment reminders. */
export const schedule = defineCommand({
  name: "schedule",
  aliases: [],
  usage: "schedule weekly|biweekly|monthly|quarterly [day] [HH:MM] [time zone]",
  help: `remind this channel to reassess (${command("schedule")} shows it, ${command("schedule off")} stops it)`,
  // Time zones and cron expressions are case-sensitive: the words go on as typed.
  parse: ({ args, user }) => parseSchedule(args.join(" "), user.timeZone ?? "UTC"),
  permission: (parsed) =>
    parsed.kind === "show" || parsed.kind === "invalid" ? ANYONE : { who: "scheduler", to: "change the schedule" },
  async run(ctx, event, parsed) {
    const team = scopeOf(event);
    if (parsed.kind === "invalid") {
      const [last, ...before] = parsed.examples.map((words) => command(words)).reverse();
      const examples = before.length > 0 ? `${before.reverse().join(", ")} or ${last}` : last;
      return [problem("invalid_schedule", parsed.message, `Try ${examples}.`)];
    }
    if (parsed.kind === "show") {
      const current = await ctx.schedules.get(team);
      if (!current) {
        return [privately("No reassessment reminders here yet.", [`Set one with ${command("schedule quarterly")}.`])];
      }
      return [
        privately(`Reassessment ${describeCadence(current.cadence)}${current.paused ? " (paused)" : ""}.`, [
          current.unreachable
            ? "I could not post here last time, so reminders are stopped."
            : `Next: ${formatLocal(new Date(current.nextDueAt), current.cadence.timeZone)}`,
        ]),
      ];
    }
    if (parsed.kind === "off") {
      await ctx.schedules.remove(team);
      return [toChannel("Reassessment reminders are off for this channel.")];
    }
    const next = nextDue(parsed.cadence, ctx.clock());
    await ctx.schedules.save(team, {
      cadence: parsed.cadence,
      address: event.address,
      nextDueAt: next.toISOString(),
      paused: false,
      unreachable: false,
      setBy: event.user.id,
    });
    return [
      toChannel(`I'll remind this channel to reassess ${describeCadence(parsed.cadence)}.`, [
        `First reminder: ${formatLocal(next, parsed.cadence.timeZone)}`,
      ]),
    ];
  },
});

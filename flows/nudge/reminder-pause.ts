import { command } from "../../src/chat/command-words.js";
import type { Reply } from "../../src/chat/outbound.js";
import { nextDue } from "../../src/schedule/next-due.js";
import { type CommandEvent, type FlowContext, teamScope } from "../context.js";
import { problem, toChannel } from "../replies.js";

/** Pause or restart a channel's reassessment reminders (`pause`, `resume nudges`). */
export async function setRemindersPaused(
  ctx: FlowContext,
  { address }: CommandEvent,
  paused: boolean,
): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const current = await ctx.schedules.get(team);
  if (!current) {
    return [
      problem(
        "no_reminders",
        "There are no reminders here to pause or restart.",
        `Set them with ${command("schedule quarterly")}.`,
      ),
    ];
  }
  // Resuming never fires a burst for the paused time: the next due time counts from now.
  const nextDueAt = paused ? current.nextDueAt : nextDue(current.cadence, ctx.clock()).toISOString();
  await ctx.schedules.save(team, { ...current, paused, unreachable: false, nextDueAt });
  return [toChannel(paused ? "Reminders paused for this channel." : "Reminders are back on for this channel.")];
}

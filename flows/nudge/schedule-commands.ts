import type { Reply } from "../../src/chat/outbound.js";
import { nextDue } from "../../src/schedule/next-due.js";
import { describeCadence, formatLocal, parseSchedule } from "../../src/schedule/parse-schedule.js";
import { type CommandEvent, type FlowContext, teamScope } from "../context.js";
import { mayManage } from "../permissions.js";
import { privately, toChannel } from "../replies.js";

const DAY_MS = 86_400_000;

/** `schedule ...`: show, set or stop this channel's reassessment reminders. */
export async function scheduleCommand(
  ctx: FlowContext,
  { address, user }: CommandEvent,
  text: string,
): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const command = parseSchedule(text, user.timeZone ?? "UTC");
  const current = await ctx.schedules.get(team);
  if (command.kind === "invalid") return [privately(command.message)];
  if (command.kind === "show") {
    if (!current)
      return [privately("No reassessment reminders here yet.", ["Set one with `/mlops-assess schedule quarterly`."])];
    return [
      privately(`Reassessment ${describeCadence(current.cadence)}${current.paused ? " (paused)" : ""}.`, [
        current.unreachable
          ? "I could not post here last time, so reminders are stopped."
          : `Next: ${formatLocal(new Date(current.nextDueAt), current.cadence.timeZone)}`,
      ]),
    ];
  }
  if (!mayManage(user, await ctx.repo.latestRound(team))) {
    return [privately("Only the person who opened the latest round or an admin can change the schedule.")];
  }
  if (command.kind === "off") {
    await ctx.schedules.remove(team);
    return [toChannel("Reassessment reminders are off for this channel.")];
  }
  const next = nextDue(command.cadence, ctx.clock());
  await ctx.schedules.save(team, {
    cadence: command.cadence,
    address,
    nextDueAt: next.toISOString(),
    paused: false,
    unreachable: false,
  });
  return [
    toChannel(`I'll remind this channel to reassess ${describeCadence(command.cadence)}.`, [
      `First reminder: ${formatLocal(next, command.cadence.timeZone)}`,
    ]),
  ];
}

export async function pauseCommand(
  ctx: FlowContext,
  { address, user }: CommandEvent,
  paused: boolean,
): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const current = await ctx.schedules.get(team);
  if (!current)
    return [privately("There are no reminders to pause here. Set them with `/mlops-assess schedule quarterly`.")];
  if (!mayManage(user, await ctx.repo.latestRound(team))) {
    return [privately("Only the person who opened the latest round or an admin can pause or resume reminders.")];
  }
  // Resuming never fires a burst for the paused time: the next due time counts from now.
  const nextDueAt = paused ? current.nextDueAt : nextDue(current.cadence, ctx.clock()).toISOString();
  await ctx.schedules.save(team, { ...current, paused, unreachable: false, nextDueAt });
  return [toChannel(paused ? "Reminders paused for this channel." : "Reminders are back on for this channel.")];
}

export async function snoozeCommand(
  ctx: FlowContext,
  { address, user }: CommandEvent,
  days: number | undefined,
): Promise<Reply[]> {
  if (days === undefined) return [privately("Give a number of days from 1 to 90, e.g. `/mlops-assess snooze 7`.")];
  await ctx.schedules.snooze(address, user.id, new Date(ctx.clock().getTime() + days * DAY_MS));
  return [privately(`No reminders about unfinished assessments for ${days} day(s).`)];
}

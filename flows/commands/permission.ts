import type { ButtonAction } from "../../src/chat/actions.js";
import type { ChatUser, TeamScope } from "../../src/chat/address.js";
import { command } from "../../src/chat/command-words.js";
import { dayOf } from "../../src/chat/day-words.js";
import type { Reply } from "../../src/chat/outbound.js";
import { type CommandEvent, type FlowContext, isPersonalScope, scopeOf, teamScope } from "../context.js";
import type { TeamSchedule } from "../nudge/nudge-state.js";
import { problem } from "../replies.js";
import { isOpen } from "../rounds/round-repo.js";
import type { Round } from "../rounds/round-state.js";
import type { Permission } from "./command.js";

/**
 * The authorization model of README "Permissions", enforced here and nowhere else: `refusal` for every command (the
 * registry asks it before a handler runs), `clickRefusal` for every button, `closedRefusal` for every change to
 * someone's answers. Each returns what the person is told, privately, when they may not (and then nothing changes).
 */

/** Closing rounds, targets and privacy: the round's opener or an admin (or anyone before a round). */
export function mayManage(user: ChatUser, round: Round | undefined): boolean {
  return user.isAdmin === true || round === undefined || round.openedBy.id === user.id;
}

/** Reminders: anyone while the channel has none; then admins and whoever set them (before `setBy`: the opener). */
function maySchedule(user: ChatUser, schedule: TeamSchedule | undefined, round: Round | undefined): boolean {
  if (user.isAdmin === true || schedule === undefined) return true;
  return schedule.setBy === undefined ? round?.openedBy.id === user.id : schedule.setBy === user.id;
}

const NOT_A_TEAM = [
  "This is a direct conversation, not a team's channel.",
  "Reminders and team settings belong in the team's channel: run this there.",
] as const;

/** A button clicked away from the team channel it belongs to (or forged to name another): nothing happens. */
const wrongPlace = (next: string) =>
  problem("wrong_channel", "That button works only in the team channel it was posted in.", next);

/** What a person who may not run a command is told (nothing changes); undefined when they may. */
export async function refusal(
  ctx: FlowContext,
  event: CommandEvent,
  permission: Permission,
): Promise<Reply | undefined> {
  const { address, user } = event;
  switch (permission.who) {
    case "anyone":
      return undefined;
    case "admin":
      if (user.isAdmin) return undefined;
      // Who runs the bot learns how to make admins from the README; people are told whom to ask.
      return problem("not_admin", `Only a workspace admin can ${permission.to}.`, "Ask one of your workspace admins.");
    case "manager": {
      const round = await ctx.repo.latestRound(scopeOf(event));
      if (mayManage(user, round)) return undefined;
      return problem(
        "not_manager",
        `Only the person who opened the latest round or an admin can ${permission.to}.`,
        "Ask them to do it.",
      );
    }
    case "scheduler": {
      if (address.isDirect) return problem("not_a_team", ...NOT_A_TEAM);
      const team = scopeOf(event);
      const [schedule, round] = await Promise.all([ctx.schedules.get(team), ctx.repo.latestRound(team)]);
      if (maySchedule(user, schedule, round)) return undefined;
      return problem(
        "not_scheduler",
        `Only the person who set this channel's reminders or an admin can ${permission.to}.`,
        "Ask them to do it.",
      );
    }
  }
}

/** The day a round stopped taking answers: its close, or the date it was due to close by itself. */
const closedOn = (round: Pick<Round, "closedAt" | "closesAt">) => (round.closedAt ?? round.closesAt).slice(0, 10);

/**
 * An answer, back, skip, cancel, resume or evidence link for a round that no longer takes answers: a closed round
 * stays as it was when it closed (only forget-me changes it). Undefined while the round is open, and for a round
 * nobody knows of (the person is then told their assessment is not found).
 */
export async function closedRefusal(
  ctx: FlowContext,
  team: TeamScope,
  roundId: string,
  userId: string,
): Promise<Reply | undefined> {
  const round = await ctx.repo.latestRound(team);
  if (round?.id === roundId && isOpen(round, ctx.clock())) return undefined;
  // A round replaced by a newer one closed before it was replaced; the history has the day, unless it aged out.
  const day =
    round?.id === roundId
      ? closedOn(round)
      : (await ctx.repo.history(team)).find((h) => h.roundId === roundId)?.closedAt.slice(0, 10);
  const mine = await ctx.repo.response(team, roundId, userId);
  if (day === undefined && !mine) return undefined;
  const when = day ? ` on ${dayOf(day)}` : "";
  // Only finished answer sets are scored (team-result.ts): saying "your answers count" to someone who had not
  // finished would be untrue.
  const counted =
    mine?.status === "completed"
      ? "your answers count in its summary"
      : "you had not finished, so your answers are not counted";
  return problem(
    "round_closed",
    `This round closed${when}: ${counted}.`,
    `Nothing was changed: a new round starts with ${command()} in the team's channel.`,
  );
}

/**
 * A join counts from the round's own channel (where its invitation was posted), or from anywhere when the platform
 * confirms the person is a member of that channel. A value naming another channel is somebody else's invitation.
 */
async function joinRefusal(ctx: FlowContext, event: CommandEvent, channel: string): Promise<Reply | undefined> {
  const { address, user } = event;
  if (address.channel === channel) return undefined;
  // A personal assessment is its person's alone, and has no invitation to join.
  if (isPersonalScope(channel)) {
    if (channel === scopeOf({ address: { ...address, isDirect: true }, user }).channel) return undefined;
  } else if (await ctx.membership.isMember(teamScope(address, channel), user.id)) return undefined;
  return problem(
    "not_in_channel",
    "That invitation is for a channel you are not in, so I did not add you to its round.",
    `Join from the invitation in the team's channel, or start your own with ${command()}.`,
  );
}

/** Whether a button may do what it carries; undefined when it may. */
export async function clickRefusal(
  ctx: FlowContext,
  event: CommandEvent,
  action: ButtonAction,
): Promise<Reply | undefined> {
  switch (action.a) {
    case "join": {
      const round = await ctx.repo.latestRound(teamScope(event.address, action.c));
      if (!round || round.id !== action.r || !isOpen(round, ctx.clock())) {
        return problem("round_closed", "This round is closed.", `Start a new one with ${command()} in the channel.`);
      }
      return joinRefusal(ctx, event, action.c);
    }
    case "start":
      // The Start button is only ever posted in its team's channel (the reminder). A value naming another
      // channel is forged: honouring it would open a round there and post its invitation into that channel.
      if (event.address.channel !== action.c) return wrongPlace(`Start a round there with ${command()}.`);
      return undefined;
    case "adopt":
      // Adopt buttons are only posted on the team summary in its channel: one naming another channel is forged.
      if (event.address.channel !== action.c || event.address.isDirect)
        return wrongPlace(`Adopt next steps from the team summary there (${command("summary")}).`);
      return undefined;
    case "settings":
      // Posted in the team's channel (help) or on the person's Home; saving checks the typed commands' rules.
      if (!event.address.isDirect && event.address.channel !== action.c)
        return wrongPlace(`Open the settings there with ${command("settings")}.`);
      return undefined;
    case "recheck":
      // Posted by a webhook in its team's channel only; the dimension must be one of the model's.
      if (event.address.channel !== action.c || !ctx.model.dimensions.some((d) => d.id === action.d))
        return wrongPlace(`Start a round there with ${command()}.`);
      return undefined;
    case "act":
    case "change":
      // Anyone who sees an action (the channel's list, the owner's follow-up) may move it on.
      return undefined;
    default:
      // Answer, back, skip, cancel, resume: whether the round still takes answers is checked with their write
      // (continueAssessment), in the same round trip.
      return undefined;
  }
}

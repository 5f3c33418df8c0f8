import { type Address, teamOf } from "../../src/chat/address.js";
import type { Reply } from "../../src/chat/outbound.js";
import type { FlowContext } from "../context.js";
import { invitationMessage, roundParticipation } from "../summary/team-result.js";
import type { RoundRepo } from "./round-repo.js";
import type { Round } from "./round-state.js";

/** The round invitation is one tracked message in the team's channel, edited in place as people finish. */
export const INVITATION_TRACK = (roundId: string) => `invitation:${roundId}`;

/**
 * At most one invitation edit per round in this window, across replicas. Without it every completion re-read every
 * response of the round (work that grows with the square of the team when many finish together) and edited one
 * channel message as often as people finished: Slack's chat.update allows about 50 a minute per workspace, and
 * edits racing each other can land out of order and show a count that went backwards.
 */
export const INVITATION_REFRESH_MS = 3000;

/** The invitation as it stands now, edited in place in the round's channel. */
export async function invitationUpdate(repo: RoundRepo, channel: Address, round: Round, now: Date): Promise<Reply> {
  const participation = await roundParticipation(repo, teamOf(channel), round.id);
  return {
    message: invitationMessage(round, participation, now),
    delivery: { to: "channel", address: channel, track: INVITATION_TRACK(round.id), update: true },
  };
}

/**
 * After someone finishes: edit the invitation now if nobody did in this window; otherwise leave it to the
 * scheduler's next tick (flows/nudge/nudge-runner.ts), which reads who has answered by then, so nobody is left out.
 */
export async function refreshInvitation(ctx: FlowContext, channel: Address, round: Round): Promise<Reply[]> {
  const team = teamOf(channel);
  if (await ctx.repo.claimInvitationRefresh(team, round.id, INVITATION_REFRESH_MS)) {
    return [await invitationUpdate(ctx.repo, channel, round, ctx.clock())];
  }
  await ctx.schedules.refreshInvitationLater(team, round.id, new Date(ctx.clock().getTime() + INVITATION_REFRESH_MS));
  return [];
}

import type { Address } from "../../src/chat/address.js";
import type { Reply } from "../../src/chat/outbound.js";
import { channelAddress, type FlowContext, teamScope } from "../context.js";
import { toChannel } from "../replies.js";
import { partialSnapshot } from "../summary/partial-snapshot.js";
import { invitationMessage, roundStanding, snapshotOf } from "../summary/team-result.js";
import { teamSummaryReply } from "../summary/team-summary-reply.js";
import { INVITATION_TRACK } from "./invitation-refresh.js";
import type { Round, RoundRecord } from "./round-state.js";

/** Close a round once, keep it in history, post the summary and mark the invitation closed. */
export async function closeRound(ctx: FlowContext, address: Address, round: Round): Promise<Reply[]> {
  const team = teamScope(address, round.channel);
  const standing = await roundStanding(ctx, team, round);
  const now = ctx.clock();
  const snapshot = standing.team ? snapshotOf(standing.team) : undefined;
  const before = round.focus ? (await ctx.repo.history(team)).findLast((h) => h.snapshot)?.snapshot : undefined;
  const record: RoundRecord = {
    roundId: round.id,
    mode: round.mode,
    openedAt: round.openedAt,
    closedAt: now.toISOString(),
    respondents: standing.participation.completed,
    ...(snapshot
      ? { snapshot: round.focus ? partialSnapshot(ctx.model, before, snapshot, round.focus) : snapshot }
      : {}),
    ...(round.privacy ? { privacy: round.privacy } : {}),
    ...(round.focus ? { partial: round.focus } : {}),
  };
  if (!(await ctx.repo.closeRound(team, round, record))) return [];
  const closed = { ...round, closedAt: record.closedAt };
  const summaryReply = await teamSummaryReply(ctx, address, closed);
  const channel = channelAddress(address, round.channel);
  return [
    ...(round.personal
      ? []
      : [
          {
            message: invitationMessage(closed, standing, now),
            delivery: { to: "channel" as const, address: channel, track: INVITATION_TRACK(round.id), update: true },
          },
        ]),
    summaryReply ?? toChannel("Round closed. Nobody had completed it, so there is no summary."),
  ];
}

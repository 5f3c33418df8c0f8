import { command } from "../../src/chat/command-words.js";
import type { Reply } from "../../src/chat/outbound.js";
import type { Mode } from "../../src/engine/answers.js";
import { canonicalZone } from "../../src/schedule/zoned-time.js";
import { beginAssessment } from "../assess/assess-service.js";
import { scopeOf } from "../context.js";
import { privately } from "../replies.js";
import { closeRound } from "../rounds/close-round.js";
import { INVITATION_TRACK } from "../rounds/invitation-refresh.js";
import { isOpen } from "../rounds/round-repo.js";
import { invitationMessage, roundParticipation } from "../summary/team-result.js";
import { ANYONE, defineCommand } from "./command.js";

/** Open a round in the channel (closing an expired one first) or join the open one; in a DM, a personal one. */
export const start = defineCommand<{ mode: Mode; focus?: string }>({
  name: "start",
  aliases: ["assess", "quick", "deep"],
  usage: "start [quick|deep]",
  help: `start a round in this channel, or join the open one (in a DM: a personal assessment); ${command()} alone does the same`,
  suggestion: {
    example: "assess",
    inTeam: "Open a team round here, or join the open one (assess deep for the long one)",
    inPersonal: "Start a personal assessment (assess deep for the long one)",
  },
  parse: ({ word, args }) => ({ mode: word === "deep" || args[0]?.toLowerCase() === "deep" ? "deep" : "quick" }),
  permission: () => ANYONE,
  // `focus` comes only from a webhook's Re-check button (a partial round of one dimension), never from typed words.
  async run(ctx, { address, user }, { mode, focus }): Promise<Reply[]> {
    const team = scopeOf({ address, user });
    const latest = await ctx.repo.latestRound(team);
    const expired = latest && !latest.closedAt && !isOpen(latest, ctx.clock());
    const replies: Reply[] = expired ? await closeRound(ctx, address, latest) : [];
    const settings = await ctx.repo.settings(team);
    const timeZone = user.timeZone && canonicalZone(user.timeZone);
    const opened = await ctx.repo.openOrJoin(team, {
      mode,
      // A personal round is titled for its person, not after the conversation it was started in.
      ...(address.name && !address.isDirect ? { name: address.name } : {}),
      openedBy: { id: user.id, ...(user.name ? { name: user.name } : {}) },
      personal: address.isDirect,
      privacy: settings.privacy ?? "confidential",
      minRespondents: settings.minRespondents ?? ctx.minRespondentsForSpread,
      now: ctx.clock(),
      roundDays: ctx.roundDays,
      ...(focus ? { focus } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    const { round, created } = opened;
    if (!round.personal && created) {
      replies.push({
        message: invitationMessage(round, await roundParticipation(ctx.repo, team, round.id), ctx.clock()),
        delivery: { to: "channel", track: INVITATION_TRACK(round.id), update: false },
      });
    } else if (!round.personal) {
      replies.push(privately("A round is already open in this channel: I've sent you its questions privately."));
    }
    return [...replies, ...(await beginAssessment(ctx, address, user, round))];
  },
});

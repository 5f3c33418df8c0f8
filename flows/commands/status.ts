import { personName } from "../../src/chat/person-name.js";
import { scopeOf } from "../context.js";
import { noRoundHere, privately } from "../replies.js";
import { isOpen } from "../rounds/round-repo.js";
import { roundStanding } from "../summary/team-result.js";
import { ANYONE, defineCommand } from "./command.js";

/** Who has answered the channel's latest round (never what), and where you are in it. */
export const status = defineCommand<Record<string, never>>({
  name: "status",
  readsOnly: true,
  aliases: [],
  usage: "status",
  help: "who has answered, and where you are",
  suggestion: {
    example: "status",
    inTeam: "Who has answered so far (never what)",
    inPersonal: "Where you are in your assessment",
  },
  parse: () => ({}),
  permission: () => ANYONE,
  async run(ctx, { address, user }) {
    const team = scopeOf({ address, user });
    const round = await ctx.repo.latestRound(team);
    if (!round) return [noRoundHere(address.isDirect)];
    const standing = await roundStanding(ctx, team, round);
    const mine = await ctx.repo.response(team, round.id, user.id);
    const open = isOpen(round, ctx.clock());
    return [
      privately(`${open ? "Open" : "Closed"} ${round.mode} round started by ${personName(round.openedBy)}.`, [
        `Completed: ${standing.participation.completed} · in progress: ${standing.participation.inProgress}`,
        open
          ? `Closes automatically on ${round.closesAt.slice(0, 10)}`
          : `Closed on ${(round.closedAt ?? round.closesAt).slice(0, 10)}`,
        mine
          ? `You: ${mine.status === "completed" ? "done" : `${Object.keys(mine.answers).length} answered so far`}`
          : "You have not started yet.",
      ]),
    ];
  },
});

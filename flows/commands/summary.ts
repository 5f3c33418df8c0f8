import { scopeOf } from "../context.js";
import { noRoundHere, privately } from "../replies.js";
import { teamSummaryReply } from "../summary/team-summary-reply.js";
import { ANYONE, defineCommand } from "./command.js";

/** Post the team summary in the channel (in a DM: the person's own result). */
export const summary = defineCommand<Record<string, never>>({
  name: "summary",
  readsOnly: true,
  aliases: ["results"],
  usage: "summary",
  help: "post the team's result in the channel",
  suggestion: { example: "summary", inTeam: "Post the team's result here", inPersonal: "Your latest result" },
  parse: () => ({}),
  permission: () => ANYONE,
  async run(ctx, event) {
    const round = await ctx.repo.latestRound(scopeOf(event));
    if (!round) return [noRoundHere(event.address.isDirect)];
    const reply = await teamSummaryReply(ctx, event.address, round);
    return reply ? [reply] : [privately("Nobody has completed this round yet.")];
  },
});

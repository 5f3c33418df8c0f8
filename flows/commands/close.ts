import { scopeOf } from "../context.js";
import { noRoundHere } from "../replies.js";
import { closeRound } from "../rounds/close-round.js";
import { defineCommand } from "./command.js";

/** Close the channel's open round now and keep it in the history. */
export const close = defineCommand<Record<string, never>>({
  name: "close",
  aliases: [],
  usage: "close",
  help: "close the round and keep it in the history (opener or admin)",
  suggestion: { example: "close", inTeam: "Close the round and keep it in the history" },
  parse: () => ({}),
  permission: () => ({ who: "manager", to: "close it" }),
  async run(ctx, event) {
    const round = await ctx.repo.latestRound(scopeOf(event));
    if (!round || round.closedAt) return [noRoundHere(event.address.isDirect, "There is no open round to close.")];
    return closeRound(ctx, event.address, round);
  },
});

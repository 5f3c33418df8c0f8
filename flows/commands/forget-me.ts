import type { TeamScope } from "../../src/chat/address.js";
import { command } from "../../src/chat/command-words.js";
import { type FlowContext, teamScope } from "../context.js";
import { privately } from "../replies.js";
import type { RoundRecord } from "../rounds/round-state.js";
import { roundStanding, snapshotOf } from "../summary/team-result.js";
import { ANYONE, defineCommand } from "./command.js";

/**
 * `forget-me`: a person's right to erasure. Deletes their answers in every round of every channel of the
 * workspace, re-aggregates the closed rounds they were part of from the answers that remain (a round left with no
 * answers keeps its date but no levels), and drops what is kept about them outside rounds. Asks first.
 */
export const forgetMe = defineCommand<{ confirmed: boolean }>({
  name: "forget-me",
  aliases: ["forgetme"],
  usage: "forget-me",
  help: "delete every answer you gave in this workspace (team results are recomputed without you)",
  parse: ({ args }) => ({ confirmed: args[0]?.toLowerCase() === "confirm" }),
  permission: () => ANYONE,
  run: async (ctx, { address, user }, { confirmed }) => {
    if (!confirmed) {
      return [
        privately(
          `This deletes every answer you gave in this workspace, in every channel, and recomputes the team results without them. It cannot be undone. To go ahead: ${command("forget-me confirm")}.`,
        ),
      ];
    }
    const workspace = { platform: address.platform, workspace: address.workspace };
    let rounds = 0;
    for (const channel of await ctx.repo.teamsOf(workspace)) {
      const team = teamScope(address, channel);
      const [latest, history] = await Promise.all([ctx.repo.latestRound(team), ctx.repo.history(team)]);
      const roundIds = new Set([...(latest ? [latest.id] : []), ...history.map((h) => h.roundId)]);
      for (const roundId of roundIds) {
        if (!(await ctx.repo.forgetResponse(team, roundId, user.id))) continue;
        rounds++;
        const record = history.find((h) => h.roundId === roundId);
        if (record) await ctx.repo.replaceRecord(team, await reaggregated(ctx, team, record));
      }
      await ctx.repo.forgetOpener(team, user.id);
      await ctx.schedules.forgetPerson(team, [...roundIds], user.id);
    }
    await ctx.repo.forgetPerson(workspace, user.id);
    ctx.logger.info({ platform: address.platform, workspace: address.workspace, rounds }, "person forgotten");
    return [
      privately(
        rounds === 0
          ? "There were no answers of yours to delete. Nothing else about you is kept here now."
          : `Done: your answers in ${rounds} round${rounds === 1 ? "" : "s"} are deleted and the team results recomputed without them.`,
      ),
    ];
  },
});

async function reaggregated(ctx: FlowContext, team: TeamScope, record: RoundRecord): Promise<RoundRecord> {
  const standing = await roundStanding(ctx, team, {
    id: record.roundId,
    mode: record.mode,
    closedAt: record.closedAt,
  });
  return {
    roundId: record.roundId,
    mode: record.mode,
    openedAt: record.openedAt,
    closedAt: record.closedAt,
    respondents: standing.participation.completed,
    ...(standing.team ? { snapshot: snapshotOf(standing.team) } : {}),
    ...(record.privacy ? { privacy: record.privacy } : {}),
  };
}

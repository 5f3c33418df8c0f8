import { command } from "../../src/chat/command-words.js";
import { dayOf } from "../../src/chat/day-words.js";
import type { Reply } from "../../src/chat/outbound.js";
import { type LevelSnapshot, trend } from "../../src/engine/compare.js";
import { actionLine } from "../actions/action-messages.js";
import { type FlowContext, scopeOf } from "../context.js";
import { privately } from "../replies.js";
import type { RoundRecord } from "../rounds/round-state.js";
import { historyTitle, UNNAMED_HISTORY } from "../summary/titles.js";
import { ANYONE, defineCommand } from "./command.js";

type ClosedRound = RoundRecord & { snapshot: NonNullable<RoundRecord["snapshot"]> };

/** The team's levels over its closed rounds, with what moved since the round before (and a chart, see app/). */
export const history = defineCommand<Record<string, never>>({
  name: "history",
  readsOnly: true,
  aliases: [],
  usage: "history",
  help: "the team's levels over past rounds",
  suggestion: {
    example: "history",
    inTeam: "The team's levels over past rounds",
    inPersonal: "Your levels over past assessments",
  },
  parse: () => ({}),
  permission: () => ANYONE,
  async run(ctx, event): Promise<Reply[]> {
    const team = scopeOf(event);
    const [records, settings, adopted] = await Promise.all([
      ctx.repo.history(team),
      ctx.repo.settings(team),
      ctx.actions.list(team),
    ]);
    const rounds = records.filter((r): r is ClosedRound => Boolean(r.snapshot));
    if (rounds.length === 0) return [privately(`No closed rounds yet. Close one with ${command("close")}.`)];
    const lines = rounds.map((r, i) => {
      const prev = rounds[i - 1];
      const change = prev ? trend(prev.snapshot, r.snapshot).overall.delta : 0;
      const arrow = change > 0 ? ` (up ${change})` : change < 0 ? ` (down ${-change})` : "";
      const level = ctx.model.levels[r.snapshot.overall]?.name ?? "";
      const partial = r.partial
        ? ` · partial re-check of ${ctx.model.dimensions.find((d) => d.id === r.partial)?.name ?? r.partial}`
        : "";
      return `${dayOf(r.closedAt)} · Level ${r.snapshot.overall} ${level}${arrow} · profile ${r.snapshot.profile} · ${r.respondents} answered${partial}`;
    });
    // The chart draws the dimensions every shown round has: a model change must not draw a missing level as 0.
    const shared = ctx.model.dimensions.filter((d) =>
      rounds.every((r) => r.snapshot.dimensions.some((x) => x.dimension === d.id)),
    );
    const levelOf = (r: ClosedRound, id: string) => r.snapshot.dimensions.find((x) => x.dimension === id)?.level ?? 0;
    // The channel's name as this event gives it, or as it was when the latest round opened; none in a DM.
    const name = event.address.isDirect ? undefined : (event.address.name ?? (await ctx.repo.latestRound(team))?.name);
    const series = {
      // Whose: the chart adds the days of the rounds it draws (the latest ones, when there are many).
      title: name ?? UNNAMED_HISTORY,
      dimensions: shared.map((d) => d.name),
      rounds: rounds.map((r) => ({
        label: r.closedAt.slice(0, 10),
        overall: r.snapshot.overall,
        levels: shared.map((d) => levelOf(r, d.id)),
      })),
      ...(settings.target === undefined ? {} : { target: settings.target }),
    };
    return [
      {
        message: {
          kind: "history",
          text: historyTitle(name, rounds[0]?.closedAt ?? "", rounds.at(-1)?.closedAt ?? ""),
          lines: [
            ...lines,
            ...whatChanged(ctx, rounds.at(-2)?.snapshot, rounds.at(-1)?.snapshot),
            ...adopted.map((a) => `Action: ${actionLine(a)} · adopted ${a.adoptedAt.slice(0, 10)}`),
          ],
          series,
        },
        delivery: { to: "channel" },
      },
    ];
  },
});

/** The dimensions that moved between the last two rounds, biggest moves first: what a team wants to know. */
function whatChanged(ctx: FlowContext, before?: LevelSnapshot, after?: LevelSnapshot): string[] {
  if (!before || !after) return [];
  const change = trend(before, after);
  const names = new Map(ctx.model.dimensions.map((d) => [d.id, d.name]));
  const moved = change.dimensions
    .filter((d) => d.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .map((d) => `${names.get(d.dimension) ?? d.dimension}: L${d.from} → L${d.to} (${d.delta > 0 ? "up" : "down"})`);
  const caveat = change.sameModelVersion ? [] : ["(the model changed between these rounds: compare with care)"];
  return ["What changed since the round before:", ...(moved.length > 0 ? moved : ["no dimension moved"]), ...caveat];
}

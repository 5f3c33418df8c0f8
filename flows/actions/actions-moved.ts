import type { TeamScope } from "../../src/chat/address.js";
import type { LevelSnapshot } from "../../src/engine/compare.js";
import type { AssessmentResult } from "../../src/engine/score.js";
import type { FlowContext } from "../context.js";
import type { Round, RoundRecord } from "../rounds/round-state.js";
import type { TeamAction } from "./action-state.js";

/** The team "now answers fully" when more than half of those who answered the practice said "Yes, fully". */
function answeredFully(states: { answers: Record<string, string> }[], practiceId: string): boolean {
  const given = states.map((s) => s.answers[practiceId]).filter((a) => a !== undefined && a !== "not-sure");
  return given.length > 0 && given.filter((a) => a === "fully").length * 2 > given.length;
}

/**
 * Close open actions whose practice the round's respondents now answer "fully" (done, by the answers), and say
 * what moved for every action adopted since the previous round: "Pipeline monitoring (done) -> Monitoring &
 * feedback L1 -> L2".
 */
export async function actionsMoved(
  ctx: FlowContext,
  team: TeamScope,
  round: Pick<Round, "id">,
  result: AssessmentResult,
  previous: (RoundRecord & { snapshot?: LevelSnapshot }) | undefined,
): Promise<string[]> {
  const all = await ctx.actions.list(team);
  if (all.length === 0) return [];
  const states = (await ctx.repo.responses(team, round.id))
    .filter((r) => r.state.status === "completed")
    .map((r) => r.state);
  const now = ctx.clock();
  const byId = new Map(all.map((a) => [a.id, a]));
  for (const action of all) {
    if (action.state === "open" && answeredFully(states, action.practiceId)) {
      const closed = await ctx.actions.setState(team, action.id, "done", now, "answers");
      if (closed) byId.set(closed.id, closed);
    }
  }
  const since = previous?.closedAt ?? "";
  // Adopted from the previous summary: at or after the moment that round closed.
  const adopted = [...byId.values()].filter((a) => a.adoptedAt >= since);
  if (adopted.length === 0) return [];
  return [`Adopted since last round: ${adopted.map((a) => moved(ctx, a, result, previous?.snapshot)).join("; ")}`];
}

function moved(ctx: FlowContext, a: TeamAction, result: AssessmentResult, before: LevelSnapshot | undefined): string {
  const name = ctx.model.dimensions.find((d) => d.id === a.dimension)?.name ?? a.dimension;
  const now = result.dimensions.find((d) => d.dimension === a.dimension)?.level;
  const then = before?.dimensions.find((d) => d.dimension === a.dimension)?.level;
  const levels =
    now === undefined ? "" : then === undefined ? ` -> ${name} L${now}` : ` -> ${name} L${then} -> L${now}`;
  return `${a.title} (${a.state})${levels}`;
}

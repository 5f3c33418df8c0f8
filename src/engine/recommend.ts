import { type BlockReason, explain } from "./explain.js";
import type { AssessmentModel, Level, Practice } from "./model-schema.js";
import type { AssessmentResult } from "./score.js";

export const MAX_RECOMMENDATIONS = 3;

/** Where one dimension stands and what blocks its next level (from explain(), or aggregated for a team). */
export interface DimensionStanding {
  dimension: string;
  level: Level;
  blockers: { practiceId: string; reason: BlockReason }[];
}

export interface Recommendation {
  practiceId: string;
  title: string;
  dimension: string;
  unlocksLevel: Level;
  why: string;
  good: string;
  how: string;
}

const REASON_ORDER: BlockReason[] = ["required-missing", "next-level", "not-sure", "unanswered", "raise-score"];

/**
 * At most three next steps, taken from the dimensions that hold the overall level down (the lowest level below
 * target), ordered by the model's dependency stages (version control before tracking before pipelines ...),
 * and never aimed above the team's target level.
 */
export function recommend(model: AssessmentModel, standings: DimensionStanding[], target: Level = 4): Recommendation[] {
  const core = new Set(model.dimensions.filter((d) => d.core).map((d) => d.id));
  const practices = new Map(model.deep.map((p) => [p.id, p]));
  const stageIndex = (p: Practice) => model.stages.indexOf(p.stage);
  const dimensionIndex = (id: string) => model.dimensions.findIndex((d) => d.id === id);
  const below = standings.filter((s) => core.has(s.dimension) && s.level < target);
  // Only the dimensions at the lowest level below target: they are what holds the overall level down.
  const tier = Math.min(...below.map((s) => s.level));

  const candidates = below
    .filter((s) => s.level === tier)
    .flatMap((s) =>
      s.blockers.flatMap((b) => {
        const practice = practices.get(b.practiceId);
        return practice ? [{ practice, reason: b.reason }] : [];
      }),
    )
    .sort(
      (a, b) =>
        stageIndex(a.practice) - stageIndex(b.practice) ||
        REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) ||
        Number(b.practice.requirement === "required") - Number(a.practice.requirement === "required") ||
        dimensionIndex(a.practice.dimension) - dimensionIndex(b.practice.dimension),
    );
  const unique = candidates.filter((c, i) => candidates.findIndex((x) => x.practice.id === c.practice.id) === i);
  return unique.slice(0, MAX_RECOMMENDATIONS).map(({ practice }) => ({
    practiceId: practice.id,
    title: practice.title,
    dimension: practice.dimension,
    unlocksLevel: practice.level as Level,
    ...practice.recommendation,
  }));
}

/** One person's standings: each dimension's level and what explain() says blocks its next level. */
export function standingsOf(model: AssessmentModel, result: AssessmentResult): DimensionStanding[] {
  return result.dimensions.map((d) => ({
    dimension: d.dimension,
    level: d.level,
    blockers: explain(model, result, d.dimension).blockers,
  }));
}

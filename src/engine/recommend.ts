import { type BlockReason, explain } from "./explain.js";
import type { AssessmentModel, Dimension, Level, Practice } from "./model-schema.js";
import type { AssessmentResult } from "./score.js";

export const MAX_RECOMMENDATIONS = 3;

/** Where one dimension stands and what blocks its next level (from explain(), or aggregated for a team). */
export interface DimensionStanding {
  dimension: string;
  level: Level;
  /** Unrated: a "Not sure" or a skip decides its level, so the first step is finding out, not building. */
  unresolved: boolean;
  blockers: { practiceId: string; reason: BlockReason; defining: boolean }[];
}

export interface Recommendation {
  /** "build" a practice, or "find-out" whether it is there (nobody answering knew). */
  kind: "build" | "find-out";
  /** The practice to build or ask about; absent when a whole quick-mode dimension is unknown. */
  practiceId?: string;
  title: string;
  dimension: string;
  unlocksLevel: Level;
  /** The answer behind this step, so its wording can match what the person said. */
  reason: BlockReason | "unrated";
  why: string;
  good: string;
  how: string;
}

const UNKNOWN: ReadonlySet<BlockReason> = new Set(["not-sure", "unanswered"]);

function findOutText(dimension: Dimension): string {
  return (
    dimension.findOut ?? `Ask whoever in the team owns ${dimension.name.toLowerCase()} and look at how it works today.`
  );
}

function findOutStep(dimension: Dimension, standing: DimensionStanding, practice?: Practice): Recommendation {
  const subject = practice ? `whether "${practice.statement}"` : `where ${dimension.name} stands`;
  return {
    kind: "find-out",
    ...(practice ? { practiceId: practice.id } : {}),
    title: `Find out: ${practice?.title ?? dimension.name}`,
    dimension: dimension.id,
    unlocksLevel: Math.min(4, standing.level + 1) as Level,
    reason: practice ? (standing.blockers.find((b) => b.practiceId === practice.id)?.reason ?? "not-sure") : "unrated",
    why: `Nobody who answered knew ${subject}, so ${dimension.name} is unrated and the overall level is provisional.`,
    good: "Someone who knows answers it, so the level rests on what is true rather than on a guess.",
    how: findOutText(dimension),
  };
}

function buildStep(practice: Practice, reason: BlockReason, unlocksLevel: Level): Recommendation {
  return {
    kind: "build",
    practiceId: practice.id,
    title: practice.title,
    dimension: practice.dimension,
    unlocksLevel,
    reason,
    ...practice.recommendation,
  };
}

/**
 * At most three next steps. First, finding out what nobody knew (an unrated dimension cannot be planned for). Then
 * practices that hold the overall level down: dimensions at the lowest level first; within them the required
 * practices that define the next level before recommended ones and before firming up the level below; across
 * dimensions in the model's dependency order (version control, tracking, pipelines, CI, gated CD, monitoring,
 * retraining). When those are fewer than three, the next dimensions up fill in. Nothing above the team's target,
 * and never a practice already fully in place.
 */
export function recommend(model: AssessmentModel, standings: DimensionStanding[], target: Level = 4): Recommendation[] {
  const dimensions = new Map(model.dimensions.map((d) => [d.id, d]));
  const practices = new Map(model.deep.map((p) => [p.id, p]));
  const order = (id: string) => model.dimensions.findIndex((d) => d.id === id);
  const stageIndex = (p: Practice) => model.stages.indexOf(p.stage);
  const core = standings.filter((s) => dimensions.get(s.dimension)?.core !== false && s.level < target);

  const findOut = core
    .filter((s) => s.unresolved)
    .flatMap((s) => {
      const dimension = dimensions.get(s.dimension);
      if (!dimension) return [];
      const unknown = s.blockers.find((b) => UNKNOWN.has(b.reason));
      return [findOutStep(dimension, s, unknown ? practices.get(unknown.practiceId) : undefined)];
    });

  const build = core
    .filter((s) => !s.unresolved)
    .flatMap((s) =>
      s.blockers.flatMap((b) => {
        const practice = practices.get(b.practiceId);
        return practice && !UNKNOWN.has(b.reason) ? [{ s, b, practice }] : [];
      }),
    )
    .sort(
      (x, y) =>
        x.s.level - y.s.level ||
        Number(y.b.defining) - Number(x.b.defining) ||
        stageIndex(x.practice) - stageIndex(y.practice) ||
        order(x.s.dimension) - order(y.s.dimension),
    )
    .filter(({ practice }, i, all) => all.findIndex((c) => c.practice.id === practice.id) === i)
    .map(({ practice, b, s }) => buildStep(practice, b.reason, (s.level + 1) as Level));

  return [...findOut, ...build].slice(0, MAX_RECOMMENDATIONS);
}

/** One person's standings: each dimension's level and what explain() says blocks its next level. */
export function standingsOf(model: AssessmentModel, result: AssessmentResult): DimensionStanding[] {
  return result.dimensions.map((d) => ({
    dimension: d.dimension,
    level: d.level,
    unresolved: d.unresolved,
    blockers: explain(model, result, d.dimension).blockers,
  }));
}

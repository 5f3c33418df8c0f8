import type { Mode } from "./answers.js";
import { type Explanation, explain } from "./explain.js";
import type { AssessmentModel, Level } from "./model-schema.js";
import type { DimensionStanding } from "./recommend.js";
import { type AssessmentResult, type DimensionResult, summarise } from "./score.js";

/** Answers that span this many levels or more on one dimension are worth a conversation. */
export const DISAGREEMENT_SPREAD = 2;

export interface LevelSnapshot {
  modelVersion: string;
  overall: Level;
  /** Unrated dimensions carry `unrated: true`; their level is only a floor and is never compared. */
  dimensions: { dimension: string; level: Level; unrated?: boolean }[];
}

export interface Trend {
  overall: { from: Level; to: Level; delta: number };
  dimensions: { dimension: string; from: Level; to: Level; delta: number }[];
  /** Item-level comparisons only make sense within one model version; levels compare across versions. */
  sameModelVersion: boolean;
}

/** Per-dimension change between two rounds (dimensions present in both). */
export function trend(previous: LevelSnapshot, current: LevelSnapshot): Trend {
  const before = new Map(previous.dimensions.filter((d) => !d.unrated).map((d) => [d.dimension, d.level]));
  return {
    overall: { from: previous.overall, to: current.overall, delta: current.overall - previous.overall },
    dimensions: current.dimensions.flatMap((d) => {
      const from = before.get(d.dimension);
      return from === undefined || d.unrated
        ? []
        : [{ dimension: d.dimension, from, to: d.level, delta: d.level - from }];
    }),
    sameModelVersion: previous.modelVersion === current.modelVersion,
  };
}

export interface TeamDimension {
  dimension: string;
  /** How many respondents could rate it; the median, min and max are over them alone. */
  rated: number;
  /** Lower median: with two respondents at 1 and 3 the team is at 1 until it agrees otherwise. */
  median: Level;
  min: Level;
  max: Level;
  spread: number;
  disagreement: boolean;
}

export interface TeamResult {
  respondents: number;
  result: AssessmentResult;
  dimensions: TeamDimension[];
  /** Per core dimension: its median level and the practices most respondents are blocked by. */
  standings: DimensionStanding[];
}

function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * A team's result from each respondent's latest complete result: median level and spread per dimension,
 * a disagreement flag, the weakest-link overall over the medians, and what blocks the team's next levels.
 */
export function aggregate(model: AssessmentModel, mode: Mode, results: AssessmentResult[]): TeamResult | undefined {
  if (results.length === 0) return undefined;
  const explanations = results.map((r) => model.dimensions.map((d) => explain(model, r, d.id)));
  // "Not sure" is no level: unrated answers stay out of the median, the spread and the disagreement.
  const dimensions: TeamDimension[] = model.dimensions.map((d, i) => {
    const rated = results.flatMap((r) => {
      const dim = r.dimensions[i];
      return dim && !dim.unresolved ? [dim.level] : [];
    });
    const levels = rated.length > 0 ? rated : [Math.min(...results.map((r) => r.dimensions[i]?.level ?? 0))];
    const min = Math.min(...levels) as Level;
    const max = Math.max(...levels) as Level;
    return {
      dimension: d.id,
      rated: rated.length,
      median: lowerMedian(levels) as Level,
      min,
      max,
      spread: max - min,
      disagreement: max - min >= DISAGREEMENT_SPREAD,
    };
  });
  const teamDims: DimensionResult[] = dimensions.map((d, i) => ({
    dimension: d.dimension,
    level: d.median,
    progress: Math.round(lowerMedian(results.map((r) => r.dimensions[i]?.progress ?? 0))),
    unresolved: d.rated === 0,
    checks: [],
  }));
  const context = [...new Set(results.flatMap((r) => r.context))];
  const result = summarise(model, mode, context, teamDims, {
    answered: results.reduce((n, r) => n + r.answered, 0),
    total: results.reduce((n, r) => n + r.total, 0),
  });
  const standings = dimensions.map((d, i) => ({
    dimension: d.dimension,
    level: d.median,
    unresolved: d.rated === 0,
    blockers: teamBlockers(
      explanations
        .map((e) => e[i])
        .filter(
          (e, r): e is Explanation =>
            e?.level === d.median && (d.rated === 0 || !results[r]?.dimensions[i]?.unresolved),
        ),
    ),
  }));
  return { respondents: results.length, result, dimensions, standings };
}

/** Blockers of the respondents who sit at the team's level, most shared first. */
function teamBlockers(explanations: Explanation[]): DimensionStanding["blockers"] {
  const counts = new Map<string, Explanation["blockers"][number] & { n: number }>();
  for (const e of explanations) {
    for (const b of e.blockers) {
      const seen = counts.get(b.practiceId);
      if (seen) seen.n += 1;
      else counts.set(b.practiceId, { ...b, n: 1 });
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n)
    .map(({ practiceId, reason, defining }) => ({ practiceId, reason, defining }));
}

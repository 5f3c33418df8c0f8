import { type Answers, applies, type Mode, practiceScore } from "./answers.js";
import { practicesAt } from "./model-index.js";
import type { Applicability, AssessmentModel, Level } from "./model-schema.js";
import { contextOf, questionsFor } from "./questions.js";

/**
 * Answers score fully = 1, partly = 0.5, no = 0 (N/A left out). Level 1 counts when its practices are at least partly
 * in place (mean 0.5, every required one at least partly): seed 000's level 1 is "some DataOps pipelines in place",
 * and teams describe foundations nobody names at their level as "partly". Every level above counts when its own
 * practices are in place fully, or three quarters of the way (mean 0.75): a "partly" at level N is a team on its way
 * to N, not at it. Levels are cumulative, so each level also stands on every level below it.
 */
export const REQUIRED_MINIMUM = 0.5;
export const FIRST_LEVEL_MEAN_MINIMUM = 0.5;
export const LEVEL_MEAN_MINIMUM = 0.75;

export type LevelStatus = "achieved" | "not-achieved" | "unresolved" | "not-assessable";

export interface PracticeOutcome {
  id: string;
  required: boolean;
  /** The raw answer: undefined when skipped or not yet answered. */
  answer: string | undefined;
  score: number | "na" | "unknown";
}

export interface LevelCheck {
  level: 1 | 2 | 3 | 4;
  status: LevelStatus;
  /** Mean over the practices that count (N/A left out), unknown answers counted as 0; null when none count. */
  score: number | null;
  practices: PracticeOutcome[];
}

export interface DimensionResult {
  dimension: string;
  /** The level reached; for an unrated dimension only what is known for sure (shown as "?", never as a level). */
  level: Level;
  /** Percent of the way to the next level (100 at level 4). */
  progress: number;
  /** A "Not sure" or a skipped answer decides this dimension's level: it is unrated until someone knows. */
  unresolved: boolean;
  /** Deep mode: one check per level 1-4. Quick mode: empty. */
  checks: LevelCheck[];
}

export interface AssessmentResult {
  modelId: string;
  modelVersion: string;
  mode: Mode;
  context: Applicability[];
  /** Weakest link: the minimum over rated core dimensions. */
  overall: Level;
  /** Core dimensions left out of the headline because they are unrated: the headline is provisional while any are. */
  unrated: string[];
  /** Mean of the rated dimension levels, one decimal: shown beside the headline, never instead of it. */
  profile: number;
  dimensions: DimensionResult[];
  /** Rated core dimensions at the overall level: the ones that hold it down. */
  weakest: string[];
  answered: number;
  total: number;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function checkLevel(level: 1 | 2 | 3 | 4, practices: PracticeOutcome[]): LevelCheck {
  const counted = practices.filter((p) => p.score !== "na");
  // Mostly N/A means we cannot honestly say the level is there (and N/A must not be a free pass).
  if (practices.length === 0 || (practices.length - counted.length) * 2 > practices.length) {
    return { level, status: "not-assessable", score: null, practices };
  }
  const minimum = level === 1 ? FIRST_LEVEL_MEAN_MINIMUM : LEVEL_MEAN_MINIMUM;
  const asNumber = (p: PracticeOutcome, unknownAs: number) => (typeof p.score === "number" ? p.score : unknownAs);
  const meets = (unknownAs: number) =>
    counted.filter((p) => p.required).every((p) => asNumber(p, unknownAs) >= REQUIRED_MINIMUM) &&
    mean(counted.map((p) => asNumber(p, unknownAs))) >= minimum;
  const hasUnknown = counted.some((p) => p.score === "unknown");
  let status: LevelStatus = "not-achieved";
  // Unknown answers count as No first: a level that holds even then is certain, whatever the answer turns out to be.
  if (meets(0)) status = "achieved";
  else if (hasUnknown && meets(1)) status = "unresolved";
  return { level, status, score: mean(counted.map((p) => asNumber(p, 0))), practices };
}

function scoreDeepDimension(
  model: AssessmentModel,
  dimension: string,
  answers: Answers,
  context: Applicability[],
): DimensionResult {
  const checks = ([1, 2, 3, 4] as const).map((level) =>
    checkLevel(
      level,
      practicesAt(model, dimension, level)
        .filter((p) => applies(p, context))
        .map((p) => ({
          id: p.id,
          required: p.requirement === "required",
          answer: answers[p.id],
          score: practiceScore(answers[p.id]),
        })),
    ),
  );
  // Levels are cumulative: no skipping a level you have not reached.
  const firstMissing = checks.findIndex((c) => c.status !== "achieved");
  const level = (firstMissing === -1 ? 4 : firstMissing) as Level;
  const next = checks[level];
  const progress = next ? Math.round((next.score ?? 0) * 100) : 100;
  return { dimension, level, progress, unresolved: next?.status === "unresolved", checks };
}

function scoreLadderDimension(model: AssessmentModel, dimension: string, answers: Answers): DimensionResult {
  const question = model.quick.find((q) => q.dimension === dimension);
  const answer = question ? answers[question.id] : undefined;
  const picked = answer === undefined ? Number.NaN : Number(answer);
  const known = Number.isInteger(picked) && picked >= 0 && picked <= 4;
  return { dimension, level: (known ? picked : 0) as Level, progress: 0, unresolved: !known, checks: [] };
}

/** Score one person's answers. Pure: same model and answers, same result. */
export function score(model: AssessmentModel, mode: Mode, answers: Answers): AssessmentResult {
  const context = mode === "deep" ? contextOf(model, answers) : (["all"] as Applicability[]);
  const dimensions = model.dimensions.map((d) =>
    mode === "quick" ? scoreLadderDimension(model, d.id, answers) : scoreDeepDimension(model, d.id, answers, context),
  );
  const questions = questionsFor(model, mode, answers);
  return summarise(model, mode, context, dimensions, {
    answered: questions.filter((q) => answers[q.id] !== undefined).length,
    total: questions.length,
  });
}

/**
 * Overall level, profile and weakest dimensions from per-dimension levels (also used for team aggregates). Unrated
 * dimensions stay out of the headline and the profile: "not sure" is not level 0, and the headline says it is
 * provisional instead.
 */
export function summarise(
  model: AssessmentModel,
  mode: Mode,
  context: Applicability[],
  dimensions: DimensionResult[],
  counts: { answered: number; total: number },
): AssessmentResult {
  const coreIds = new Set(model.dimensions.filter((d) => d.core).map((d) => d.id));
  const core = dimensions.filter((d) => coreIds.has(d.dimension));
  const deciding = core.length > 0 ? core : dimensions;
  const rated = deciding.filter((d) => !d.unresolved);
  const overall = (rated.length > 0 ? Math.min(...rated.map((d) => d.level)) : 0) as Level;
  return {
    modelId: model.id,
    modelVersion: model.version,
    mode,
    context,
    overall,
    unrated: deciding.filter((d) => d.unresolved).map((d) => d.dimension),
    profile: Math.round(mean(dimensions.filter((d) => !d.unresolved).map((d) => d.level)) * 10) / 10,
    dimensions,
    weakest: rated.filter((d) => d.level === overall).map((d) => d.dimension),
    ...counts,
  };
}

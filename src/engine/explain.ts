import { applies } from "./answers.js";
import { practicesAt } from "./model-index.js";
import type { AssessmentModel, Level } from "./model-schema.js";
import type { AssessmentResult } from "./score.js";

export type BlockReason =
  | "required-missing" // a required practice scored below "manual or partial"
  | "not-sure" // answered "Not sure": ask whoever owns it
  | "unanswered" // skipped
  | "raise-score" // the level's mean is short of 0.75; this practice is below "automated"
  | "next-level"; // quick mode: what the next level asks for (no practice answers to go on)

export interface Blocker {
  practiceId: string;
  reason: BlockReason;
}

export interface Explanation {
  dimension: string;
  level: Level;
  nextLevel: Level | undefined;
  /** Exactly the practices standing between the dimension and its next level. */
  blockers: Blocker[];
  /** True when the next level has too many N/A answers to be claimed. */
  notAssessable: boolean;
}

/** Why a dimension is where it is: which practices block its next level. */
export function explain(model: AssessmentModel, result: AssessmentResult, dimension: string): Explanation {
  const dim = result.dimensions.find((d) => d.dimension === dimension);
  if (!dim) throw new RangeError(`Unknown dimension "${dimension}"`);
  const { level } = dim;
  // Plain literals, not `{ ...base, more }`: V8 (Node 20) takes a slow path for every property after a spread,
  // and a team summary explains every respondent's every dimension.
  if (level === 4) return { dimension, level, nextLevel: undefined, blockers: [], notAssessable: false };
  const nextLevel = (level + 1) as Level;

  if (result.mode === "quick") {
    const blockers = practicesAt(model, dimension, nextLevel)
      .filter((p) => p.requirement === "required" && applies(p, result.context))
      .map((p) => ({ practiceId: p.id, reason: "next-level" as const }));
    return { dimension, level, nextLevel, blockers, notAssessable: false };
  }

  const check = dim.checks[level];
  if (!check) return { dimension, level, nextLevel, blockers: [], notAssessable: false };
  const blockers: Blocker[] = [];
  for (const p of check.practices) {
    if (p.score === "unknown") blockers.push({ practiceId: p.id, reason: p.answer ? "not-sure" : "unanswered" });
    else if (p.required && typeof p.score === "number" && p.score < 0.5)
      blockers.push({ practiceId: p.id, reason: "required-missing" });
  }
  if ((check.score ?? 0) < 0.75) {
    const listed = new Set(blockers.map((b) => b.practiceId));
    const raise = check.practices
      .filter((p) => typeof p.score === "number" && p.score < 1 && !listed.has(p.id))
      .sort((a, b) => Number(a.score) - Number(b.score));
    for (const p of raise) blockers.push({ practiceId: p.id, reason: "raise-score" });
  }
  return { dimension, level, nextLevel, blockers, notAssessable: check.status === "not-assessable" };
}

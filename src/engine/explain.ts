import { applies } from "./answers.js";
import { practicesAt } from "./model-index.js";
import type { AssessmentModel, Level } from "./model-schema.js";
import type { AssessmentResult } from "./score.js";

/** Why a practice stands in the way, in the terms of the answer given (never "partly" for a No). */
export type BlockReason =
  | "missing" // answered No
  | "partly" // answered Partly: in place, but not fully
  | "not-sure" // answered Not sure: ask whoever owns it
  | "unanswered" // skipped
  | "next-level"; // quick mode: what the next level asks for (no practice answers to go on)

export interface Blocker {
  practiceId: string;
  reason: BlockReason;
  /** A required practice of the next level (what defines it), not a recommended one. */
  defining: boolean;
}

export interface Explanation {
  dimension: string;
  level: Level;
  nextLevel: Level | undefined;
  /** Exactly the practices standing between the dimension and its next level, the ones that define it first. */
  blockers: Blocker[];
  /** True when the next level has too many N/A answers to be claimed. */
  notAssessable: boolean;
}

const REASON_OF_ANSWER: Record<string, BlockReason> = { no: "missing", partly: "partly", "not-sure": "not-sure" };

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
      .filter((p) => applies(p, result.context))
      .map((p) => ({ practiceId: p.id, reason: "next-level" as const, defining: p.requirement === "required" }))
      .sort((a, b) => Number(b.defining) - Number(a.defining));
    return { dimension, level, nextLevel, blockers, notAssessable: false };
  }

  const check = dim.checks[level];
  if (!check) return { dimension, level, nextLevel, blockers: [], notAssessable: false };
  const blockers = check.practices
    .filter((p) => p.score !== "na" && p.score !== 1)
    .map((p) => ({
      practiceId: p.id,
      reason: p.answer === undefined ? ("unanswered" as const) : (REASON_OF_ANSWER[p.answer] ?? "missing"),
      defining: p.required,
    }))
    .sort((a, b) => Number(b.defining) - Number(a.defining));
  return { dimension, level, nextLevel, blockers, notAssessable: check.status === "not-assessable" };
}

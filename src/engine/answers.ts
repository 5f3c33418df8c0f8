import { z } from "zod";
import type { Applicability } from "./model-schema.js";

export const modeSchema = z.enum(["quick", "deep"]);
export type Mode = z.infer<typeof modeSchema>;

/**
 * Deep-mode answers (1 / 0.5 / 0). "Fully" is reachable by any practice, whether machines or people carry it out:
 * a written-down lesson or an enforced sign-off is fully in place without being "automated". SAMM-style coverage:
 * "partly" also covers a practice in place for only some models.
 */
export const PRACTICE_ANSWERS = ["fully", "partly", "no", "na", "not-sure"] as const;
export type PracticeAnswer = (typeof PRACTICE_ANSWERS)[number];

export const PRACTICE_ANSWER_LABELS: Record<PracticeAnswer, string> = {
  fully: "Yes, fully",
  partly: "Partly, or only for some models",
  no: "No",
  na: "N/A",
  "not-sure": "Not sure",
};

/** What the answers do to the score, said with the first question so nobody has to guess. */
export function answerHelp(mode: Mode): string {
  const unknown = "Not sure and Skip leave a dimension unrated (shown as ?) until someone who knows answers";
  return mode === "deep"
    ? `"Yes, fully" means in place for every model, automated where it can be or enforced. ${unknown}; they never count as No.`
    : `Pick the option closest to your team today. ${unknown}; they never count as level 0.`;
}

/** Quick-mode answers: the level picked on the ladder ("0".."4") or "not-sure". */
export const LADDER_ANSWERS = ["0", "1", "2", "3", "4", "not-sure"] as const;
export type LadderAnswer = (typeof LADDER_ANSWERS)[number];

/** Id of the deep-mode opening question that hides practices that do not apply. */
export const CONTEXT_QUESTION_ID = "context";

/**
 * One person's answers: question id -> option value. Kept as plain strings so state read back from Redis
 * validates with one small schema; `isValidAnswer` checks a value against its question.
 */
export const answersSchema = z.record(z.string().max(128), z.string().max(32));
export type Answers = z.infer<typeof answersSchema>;

export function practiceScore(answer: string | undefined): number | "na" | "unknown" {
  switch (answer) {
    case "fully":
      return 1;
    case "partly":
      return 0.5;
    case "no":
      return 0;
    case "na":
      return "na";
    default:
      // "not-sure" and unanswered (skipped) both keep a level from being claimed.
      return "unknown";
  }
}

export function applies(practice: { appliesTo: readonly Applicability[] }, context: readonly Applicability[]): boolean {
  return practice.appliesTo.some((tag) => context.includes(tag));
}

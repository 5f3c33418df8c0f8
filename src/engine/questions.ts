import type { Answers } from "./answers.js";
import {
  applies,
  CONTEXT_QUESTION_ID,
  LADDER_ANSWERS,
  type Mode,
  PRACTICE_ANSWER_LABELS,
  PRACTICE_ANSWERS,
} from "./answers.js";
import { type Applicability, type AssessmentModel, EVERY_CONTEXT } from "./model-schema.js";

/** A question as a flow presents it: what to ask and the options, whatever the mode. */
export interface Question {
  id: string;
  /** Dimension id, or "context" for the deep-mode opening question. */
  dimension: string;
  section: string;
  prompt: string;
  options: readonly { value: string; label: string }[];
}

/** Which practices apply, from the deep-mode context answer; everything until it is answered (or never asked). */
export function contextOf(model: AssessmentModel, answers: Answers): Applicability[] {
  const picked = answers[CONTEXT_QUESTION_ID];
  const option = picked === undefined ? undefined : model.context?.options[Number(picked)];
  return option ? option.applies : [...EVERY_CONTEXT];
}

/**
 * Questionnaires built so far, per model: they depend only on the mode and (deep) the context answer, and every
 * click asks for them several times. Frozen, since every caller shares them.
 */
const built = new WeakMap<AssessmentModel, Map<string, readonly Question[]>>();

/**
 * The ordered questionnaire for a mode. Deep mode depends on the context answer, so pass the answers so far.
 * `focus` (a dimension id) narrows deep mode to that dimension's statements: a partial re-check.
 */
export function questionsFor(
  model: AssessmentModel,
  mode: Mode,
  answers: Answers = {},
  focus?: string,
): readonly Question[] {
  const context = mode === "quick" ? undefined : contextOf(model, answers);
  const key = context ? `deep:${context.join(",")}${focus ? `:${focus}` : ""}` : "quick";
  let lists = built.get(model);
  if (!lists) {
    lists = new Map();
    built.set(model, lists);
  }
  const cached = lists.get(key);
  if (cached) return cached;
  const deep = context
    ? deepQuestionnaire(model, context).filter(
        (q) => !focus || q.dimension === focus || q.dimension === CONTEXT_QUESTION_ID,
      )
    : undefined;
  const list = deepFreeze(deep ?? quickQuestionnaire(model));
  lists.set(key, list);
  return list;
}

function deepFreeze(questions: Question[]): readonly Question[] {
  for (const q of questions) {
    for (const o of q.options) Object.freeze(o);
    Object.freeze(q.options);
    Object.freeze(q);
  }
  return Object.freeze(questions);
}

function quickQuestionnaire(model: AssessmentModel): Question[] {
  return model.dimensions.flatMap((d) =>
    model.quick
      .filter((q) => q.dimension === d.id)
      .map((q) => ({
        id: q.id,
        dimension: d.id,
        section: d.name,
        prompt: q.prompt,
        options: [
          ...q.options.map((label, level) => ({ value: LADDER_ANSWERS[level] ?? String(level), label })),
          { value: "not-sure", label: "Not sure" },
        ],
      })),
  );
}

function deepQuestionnaire(model: AssessmentModel, context: Applicability[]): Question[] {
  const sectionOf = (dimensionId: string) => model.dimensions.find((d) => d.id === dimensionId)?.name ?? dimensionId;
  const contextQuestion: Question[] = model.context
    ? [
        {
          id: CONTEXT_QUESTION_ID,
          dimension: CONTEXT_QUESTION_ID,
          section: "About your models",
          prompt: model.context.prompt,
          options: model.context.options.map((o, i) => ({ value: String(i), label: o.label })),
        },
      ]
    : [];
  // Practices grouped by dimension, least mature level first, so the questionnaire reads as a climb.
  const practices = model.dimensions.flatMap((d) =>
    model.deep
      .filter((p) => p.dimension === d.id && applies(p, context))
      .sort((a, b) => a.level - b.level)
      .map((p) => ({
        id: p.id,
        dimension: d.id,
        section: sectionOf(d.id),
        prompt: p.statement,
        options: PRACTICE_ANSWERS.map((value) => ({ value, label: PRACTICE_ANSWER_LABELS[value] })),
      })),
  );
  return [...contextQuestion, ...practices];
}

/**
 * The questions people see numbered ("3/40", and `evidence 3`): all but deep mode's context question, which decides
 * how many there are, so the count is final from question 1 on.
 */
export function numbered(questions: readonly Question[]): readonly Question[] {
  return questions.filter((q) => q.dimension !== CONTEXT_QUESTION_ID);
}

export function isValidAnswer(question: Question, value: string): boolean {
  return question.options.some((o) => o.value === value);
}

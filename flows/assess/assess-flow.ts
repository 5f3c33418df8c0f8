import { answerHelp, type Mode } from "../../src/engine/answers.js";
import type { AssessmentModel } from "../../src/engine/model-schema.js";
import { isValidAnswer, numbered, type Question, questionsFor } from "../../src/engine/questions.js";
import type { AssessInput, AssessState } from "./assess-state.js";

/** What happened, so the caller can pick the replies (next question, result, notice). */
export type AssessOutcome =
  | {
      kind: "ask";
      question: Question;
      /** Position among the counted questions, from 1; 0 for the uncounted context question, which comes first. */
      index: number;
      total: number;
      /** Whether Back has somewhere to go (question 1 goes back to the context question). */
      back: boolean;
      note?: string;
    }
  | { kind: "completed"; skipped: number }
  | { kind: "cancelled" }
  | { kind: "closed"; status: "completed" | "cancelled" };

export interface AssessStep {
  state: AssessState;
  outcome: AssessOutcome;
  /** False when the input changed nothing (a double click, a stale button): no write needed. */
  changed: boolean;
}

export function startAssessment(
  model: AssessmentModel,
  mode: Mode,
  round: { roundId: string; channel: string; focus?: string | undefined },
  userName: string | undefined,
  now: Date,
): AssessStep {
  const first = questionsFor(model, mode, {}, round.focus)[0];
  const state: AssessState = {
    modelId: model.id,
    modelVersion: model.version,
    mode,
    ...(round.focus ? { focus: round.focus } : {}),
    roundId: round.roundId,
    channel: round.channel,
    userName,
    answers: {},
    position: first?.id,
    status: "in-progress",
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return { state, outcome: ask(model, state), changed: true };
}

function ask(model: AssessmentModel, state: AssessState, note?: string): AssessOutcome {
  const questions = questionsFor(model, state.mode, state.answers, state.focus);
  const at = Math.max(
    0,
    questions.findIndex((q) => q.id === state.position),
  );
  const question = questions[at];
  if (!question) return { kind: "completed", skipped: 0 };
  // The context question decides which practices are asked, so it is not counted: the count starts once it is
  // answered, at 1 of the final total, and never jumps ("1/49" then "2/44").
  const counted = numbered(questions);
  const index = counted.indexOf(question) + 1;
  // The first counted question also says what the answers do, so "Not sure" is never mistaken for "No".
  const said = [note, index === 1 ? answerHelp(state.mode) : undefined].filter((n) => n !== undefined).join(" ");
  return { kind: "ask", question, index, total: counted.length, back: at > 0, ...(said ? { note: said } : {}) };
}

/** Answers only carry over between versions of the same model with the same major version (same scale and items). */
export function sameScale(model: AssessmentModel, state: Pick<AssessState, "modelId" | "modelVersion">): boolean {
  const major = (version: string) => version.split(".")[0];
  return state.modelId === model.id && major(state.modelVersion) === major(model.version);
}

/**
 * Bring a state written under an older model version in line with this one. Within a major version, answers to
 * questions that still exist with the same options are kept and the person continues at the first gap. A new major
 * version changed the answer scale or what the statements mean: scoring old answers by it would be silently wrong,
 * so the person starts again, and is told why.
 */
function migrate(model: AssessmentModel, state: AssessState): { state: AssessState; note?: string } {
  if (state.modelVersion === model.version && state.modelId === model.id) return { state };
  if (!sameScale(model, state)) {
    const given = Object.keys(state.answers).length;
    const first = questionsFor(model, state.mode, {}, state.focus)[0];
    return {
      state: { ...state, modelId: model.id, modelVersion: model.version, answers: {}, position: first?.id },
      note:
        `The questionnaire changed since you started (version ${state.modelVersion} to ${model.version}: new answers ` +
        `and statements), so your ${given} earlier answer${given === 1 ? "" : "s"} cannot be scored fairly. ` +
        "Please start again from the first question.",
    };
  }
  const questions = questionsFor(model, state.mode, state.answers, state.focus);
  const answers = Object.fromEntries(
    Object.entries(state.answers).filter(([id, value]) => {
      const q = questions.find((x) => x.id === id);
      return q !== undefined && isValidAnswer(q, value);
    }),
  );
  const firstGap = questionsFor(model, state.mode, answers, state.focus).find((q) => answers[q.id] === undefined);
  return {
    state: { ...state, modelId: model.id, modelVersion: model.version, answers, position: firstGap?.id },
    note: "The questionnaire was updated since you started; your answers to unchanged questions are kept.",
  };
}

/** The assessment state machine: pure, `now` passed in. */
export function assessNext(model: AssessmentModel, current: AssessState, input: AssessInput, now: Date): AssessStep {
  if (current.status !== "in-progress") {
    return { state: current, outcome: { kind: "closed", status: current.status }, changed: false };
  }
  const migrated = migrate(model, current);
  const state = migrated.state;
  const migratedChanged = state !== current;
  const touch = (next: AssessState): AssessState => ({ ...next, updatedAt: now.toISOString() });
  const questions = questionsFor(model, state.mode, state.answers, state.focus);
  const at = questions.findIndex((q) => q.id === state.position);

  const moveTo = (answers: AssessState["answers"], fromId: string | undefined, step: 1 | -1): AssessStep => {
    // The questionnaire can change shape (deep mode's context question), so look positions up afresh.
    const list = questionsFor(model, state.mode, answers, state.focus);
    const from = list.findIndex((q) => q.id === fromId);
    const target = list[from + step];
    if (step === 1 && !target) {
      const skipped = list.filter((q) => answers[q.id] === undefined).length;
      const done = touch({
        ...state,
        answers,
        position: undefined,
        status: "completed",
        completedAt: now.toISOString(),
      });
      return { state: done, outcome: { kind: "completed", skipped }, changed: true };
    }
    const next = touch({ ...state, answers, position: (target ?? list[0])?.id });
    return { state: next, outcome: ask(model, next), changed: true };
  };

  // Back or Skip from a question the person has already left: that step was taken (its reply may have been lost).
  if ((input.type === "back" || input.type === "skip") && input.from !== undefined && input.from !== state.position) {
    return { state, outcome: ask(model, state), changed: migratedChanged };
  }
  switch (input.type) {
    case "resume":
      return { state, outcome: ask(model, state, migrated.note), changed: migratedChanged };
    case "cancel":
      return { state: touch({ ...state, status: "cancelled" }), outcome: { kind: "cancelled" }, changed: true };
    case "back":
      return at <= 0
        ? { state, outcome: ask(model, state), changed: migratedChanged }
        : moveTo(state.answers, state.position, -1);
    case "skip":
      return moveTo(state.answers, state.position, 1);
    case "answer": {
      const question = questions.find((q) => q.id === input.questionId);
      if (!question || !isValidAnswer(question, input.value)) {
        return {
          state,
          outcome: ask(model, state, "That button is no longer valid; here is where you are."),
          changed: migratedChanged,
        };
      }
      const answers = { ...state.answers, [question.id]: input.value };
      if (question.id === state.position) {
        const step = moveTo(answers, question.id, 1);
        return { ...step, state: { ...step.state, lastAnswered: question.id } };
      }
      // An older button: keep the (possibly amended) answer, stay where the person is.
      if (state.answers[question.id] === input.value)
        return { state, outcome: ask(model, state), changed: migratedChanged };
      const amended = touch({ ...state, answers, lastAnswered: question.id });
      return {
        state: amended,
        outcome: ask(model, amended, `Updated your earlier answer to "${question.prompt}".`),
        changed: true,
      };
    }
  }
}

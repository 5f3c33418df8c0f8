import type { ButtonAction } from "../../src/chat/actions.js";
import type { QuestionMessage } from "../../src/chat/outbound.js";
import { CONTEXT_QUESTION_ID, LADDER_ANSWERS } from "../../src/engine/answers.js";
import type { Question } from "../../src/engine/questions.js";

/**
 * A quick-mode ladder answer is a level ("0"-"4"); the deep-mode context question numbers its options the same way
 * but they are not levels, and practice answers ("fully", "not-sure") are not either.
 */
function ladderLevel(question: Question, value: string): { level?: 0 | 1 | 2 | 3 | 4 } {
  const level = LADDER_LEVELS.indexOf(value);
  return level >= 0 && question.dimension !== CONTEXT_QUESTION_ID ? { level: level as 0 | 1 | 2 | 3 | 4 } : {};
}
const LADDER_LEVELS: readonly string[] = LADDER_ANSWERS.slice(0, 5);

/** A question as a neutral message: one button per option, then back / skip / cancel. */
export function questionMessage(
  ref: { channel: string; roundId: string },
  ask: { question: Question; index: number; total: number; back: boolean; note?: string },
  current: string | undefined,
): QuestionMessage {
  const { question } = ask;
  const nav = (a: "back" | "skip" | "cancel"): ButtonAction => ({
    a,
    c: ref.channel,
    r: ref.roundId,
    ...(a === "cancel" ? {} : { q: question.id }),
  });
  return {
    kind: "question",
    progress: { index: ask.index, total: ask.total, section: question.section },
    prompt: question.prompt,
    ...(current === undefined ? {} : { current: question.options.find((o) => o.value === current)?.label ?? current }),
    options: question.options.map((o) => ({
      label: o.label,
      action: { a: "answer", c: ref.channel, r: ref.roundId, q: question.id, v: o.value },
      selected: o.value === current,
      ...ladderLevel(question, o.value),
    })),
    navigation: [
      ...(ask.back ? [{ label: "Back", action: nav("back") }] : []),
      { label: "Skip", action: nav("skip") },
      { label: "Cancel", action: nav("cancel") },
    ],
    ...(ask.note ? { note: ask.note } : {}),
  };
}

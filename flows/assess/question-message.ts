import type { ButtonAction } from "../../src/chat/actions.js";
import type { QuestionMessage } from "../../src/chat/outbound.js";
import type { Question } from "../../src/engine/questions.js";

/** A question as a neutral message: one button per option, then back / skip / cancel. */
export function questionMessage(
  ref: { channel: string; roundId: string },
  ask: { question: Question; index: number; total: number; note?: string },
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
    })),
    navigation: [
      ...(ask.index > 1 ? [{ label: "Back", action: nav("back") }] : []),
      { label: "Skip", action: nav("skip") },
      { label: "Cancel", action: nav("cancel"), style: "danger" as const },
    ],
    ...(ask.note ? { note: ask.note } : {}),
  };
}

import { optionLine, progressLabel, spokenAnswer } from "../../src/chat/answer-words.js";
import type { QuestionMessage } from "../../src/chat/outbound.js";
import type { Cap } from "./render-cap.js";
import { actionSets, buttons, execute, tappableRow, textBlock } from "./render-elements.js";
import { CARD_LIMITS, type CardElement } from "./render-schema.js";
import { safe } from "./text.js";

/**
 * One question: progress, the prompt, the answers, then back / skip / cancel. Short answers are buttons that carry
 * their words; ladder answers are sentences, so each is a tinted row tapped anywhere ("L2 · Alerts fire on…"),
 * readable whole on a phone and named by its level, never by a position. Every answer has a tooltip with the whole
 * answer for screen readers. The current answer is marked with a tick, not coloured: a green button reads as
 * "recommended".
 */
export function renderQuestion(q: QuestionMessage, cap: Cap): CardElement[] {
  const { section } = q.progress;
  const short = q.options.every((o) => o.level === undefined && o.label.trim().length <= CARD_LIMITS.actionTitle - 2);
  const answers = short
    ? actionSets(
        q.options.map((o) => execute(o.selected ? `✓ ${o.label}` : o.label, o.action, undefined, spokenAnswer(o))),
      )
    : q.options.map((o) =>
        tappableRow(
          `${o.selected ? "✓ " : ""}${safe(optionLine(o), cap(300))}${o.selected ? " (your answer)" : ""}`,
          o.action,
          spokenAnswer(o),
        ),
      );
  const footnotes = [
    ...(q.current === undefined ? [] : [`Your answer so far: **${safe(q.current, cap(300))}**`]),
    ...(q.note ? [safe(q.note, cap(500))] : []),
  ];

  return [
    textBlock(`${progressLabel(q.progress)} · ${safe(section, cap(80))}`, { size: "Small", isSubtle: true }),
    textBlock(safe(q.prompt, cap(1000)), { weight: "Bolder", size: "Medium", spacing: "Small" }),
    ...answers,
    ...footnotes.map((f) => textBlock(f, { size: "Small", isSubtle: true })),
    ...actionSets(buttons(q.navigation)),
  ];
}

import type { QuestionMessage } from "../../src/chat/outbound.js";
import type { Cap } from "./render-cap.js";
import { actionSets, buttons, execute, textBlock } from "./render-elements.js";
import { CARD_LIMITS, type CardElement } from "./render-schema.js";
import { safe } from "./text.js";

/**
 * One question: progress, the prompt, one button per option, then back / skip / cancel. Ladder options can be whole
 * sentences, longer than a button shows: then the options are listed as numbered lines under the prompt and the
 * buttons carry the numbers, so nothing the person needs to read is cut off.
 */
export function renderQuestion(q: QuestionMessage, cap: Cap): CardElement[] {
  const { index, total, section } = q.progress;
  const numbered = q.options.some((o) => o.label.trim().length > CARD_LIMITS.actionTitle);
  const listed = numbered
    ? q.options.map((o, i) => textBlock(`**${i + 1}.** ${safe(o.label, cap(300))}`, { spacing: "Small" }))
    : [];
  const answers = q.options.map((o, i) =>
    execute(numbered ? String(i + 1) : o.label, o.action, o.selected ? "primary" : undefined),
  );
  const footnotes = [
    ...(q.current === undefined ? [] : [`Your answer so far: **${safe(q.current, cap(300))}**`]),
    ...(q.note ? [safe(q.note, cap(500))] : []),
  ];

  return [
    textBlock(`${index}/${total} · ${safe(section, cap(80))}`, { size: "Small", isSubtle: true }),
    textBlock(safe(q.prompt, cap(1000)), { weight: "Bolder", size: "Medium", spacing: "Small" }),
    ...listed,
    ...footnotes.map((f) => textBlock(f, { size: "Small", isSubtle: true })),
    ...actionSets(answers),
    ...actionSets(buttons(q.navigation)),
  ];
}

import type { QuestionMessage } from "../../src/chat/outbound.js";
import { type ActionIds, actions, button, context, fallbackText, section } from "./render-elements.js";
import { LIMITS, type SlackMessage } from "./render-schema.js";
import { escapeMrkdwn as esc } from "./text.js";

/**
 * One question: progress, the prompt, one button per option, then back / skip / cancel. Ladder options can be whole
 * sentences, longer than a button may be (75 chars): then the options are listed as numbered lines under the prompt
 * and the buttons carry the numbers, so nothing the person needs to read is cut off.
 */
export function renderQuestion(q: QuestionMessage, ids: ActionIds): SlackMessage {
  const { index, total, section: topic } = q.progress;
  const numbered = q.options.some((o) => o.label.length > LIMITS.buttonText);
  const prompt = [`*${esc(q.prompt)}*`];
  if (numbered) prompt.push("", ...q.options.map((o, i) => `*${i + 1}.* ${esc(o.label)}`));

  const answers = q.options.map((o, i) =>
    button(ids(`answer:${i + 1}`), numbered ? String(i + 1) : o.label, o.action, o.selected ? "primary" : undefined),
  );
  const navigation = q.navigation.map((n) => button(ids(`nav:${n.action.a}`), n.label, n.action, n.style));
  const footnotes = [
    ...(q.current === undefined ? [] : [`Your answer so far: *${esc(q.current)}*`]),
    ...(q.note ? [`_${esc(q.note)}_`] : []),
  ];

  return {
    text: fallbackText(`${index}/${total} · ${esc(topic)}: ${esc(q.prompt)}`),
    blocks: [
      context([`${index}/${total} · ${esc(topic)}`]),
      section(prompt.join("\n")),
      ...(footnotes.length > 0 ? [context(footnotes)] : []),
      ...actions(answers),
      ...actions(navigation),
    ],
  };
}

import { answerButtonText, optionLine, progressLabel, spokenAnswer } from "../../src/chat/answer-words.js";
import type { QuestionMessage } from "../../src/chat/outbound.js";
import {
  type ActionIds,
  actions,
  button,
  context,
  fallbackText,
  neutralButton,
  section,
  sectionWithButton,
} from "./render-elements.js";
import type { SlackMessage } from "./render-schema.js";
import { escapeMrkdwn as esc } from "./text.js";

/**
 * Short answers ("Yes, fully", "Not sure") fit on buttons that wrap on a phone; longer ones would be cut.
 * Slack shows about this many characters on a phone-width button.
 */
const SHORT_ANSWER = 24;

/**
 * One question: progress, the prompt, the answers, then back / skip / cancel. Short answers are buttons that carry
 * their words. Ladder answers are sentences: each is a line of its own with its own button at the right ("Choose
 * L2"), so the whole sentence is readable on a phone and the button names the level, never a position. Every
 * answer button tells screen readers the whole answer. The current answer is marked with a tick, not coloured:
 * a green button reads as "recommended".
 */
export function renderQuestion(q: QuestionMessage, ids: ActionIds): SlackMessage {
  const topic = q.progress.section;
  const progress = progressLabel(q.progress);
  const short = q.options.every((o) => o.level === undefined && o.label.length <= SHORT_ANSWER);
  const answerButton = (o: QuestionMessage["options"][number], i: number, text: string) =>
    button(ids(`answer:${i + 1}`), text, o.action, { spoken: spokenAnswer(o) });
  const answers = short
    ? actions(q.options.map((o, i) => answerButton(o, i, o.selected ? `✓ ${o.label}` : o.label)))
    : q.options.map((o, i) => sectionWithButton(esc(optionLine(o)), answerButton(o, i, answerButtonText(o))));
  const navigation = q.navigation.map((n) => neutralButton(ids(`nav:${n.action.a}`), n));
  const footnotes = [
    ...(q.current === undefined ? [] : [`Your answer so far: *${esc(q.current)}*`]),
    ...(q.note ? [`_${esc(q.note)}_`] : []),
  ];

  return {
    text: fallbackText(`${progress} · ${esc(topic)}: ${esc(q.prompt)}`),
    blocks: [
      context([`${progress} · ${esc(topic)}`]),
      section(`*${esc(q.prompt)}*`),
      ...answers,
      ...(footnotes.length > 0 ? [context(footnotes)] : []),
      ...actions(navigation),
    ],
  };
}

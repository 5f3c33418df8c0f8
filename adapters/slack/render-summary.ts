import { headline as headlineOf, stepAim } from "../../src/chat/dimension-notes.js";
import type { SummaryMessage } from "../../src/chat/outbound.js";
import { averageLine, detailNotes, legend, participationLine, shortLevel } from "../../src/chat/summary-words.js";
import {
  type ActionIds,
  actions,
  context,
  fallbackText,
  fieldSections,
  header,
  image,
  neutralButton,
  section,
  sections,
} from "./render-elements.js";
import type { Block, SlackMessage } from "./render-schema.js";
import { escapeMrkdwn as esc, fitPlain } from "./text.js";

/** Names come from the model (an organisation may load its own): long ones are shortened so 48 rows still fit. */
const NAME_MAX = 120;

/** A message whose small print can go elsewhere: a thread reply under it, or below it where there is no thread. */
export interface SplitMessage {
  message: SlackMessage;
  details?: SlackMessage;
}

/**
 * The result, phone first: the weakest-link level as the headline, the average and the terms in one small line,
 * one short two-column row per dimension (name, level), the next steps by name and the buttons: one phone screen
 * for eight dimensions. What blocks the next level, how and why to take each step, spread, disagreement, progress
 * and the chart are the details, apart: delivery posts them as a thread reply, or below the first screen where a
 * message can have no thread. No code spans: Slack draws them red, and every row would look alarming. People's
 * names never appear.
 */
export function renderSummary(s: SummaryMessage, ids: ActionIds): SplitMessage {
  const headline = headlineOf(s);
  const rows = s.dimensions.flatMap((d) => [`*${esc(fitPlain(d.name, NAME_MAX))}*`, esc(shortLevel(d))]);
  const steps = s.nextSteps.map((n, i) => section(`*${i + 1}. ${esc(n.title)}*\n${esc(n.dimension)}, ${stepAim(n)}`));
  // The steps' own buttons (Adopt) join the summary's row, numbered like the steps: a button beside each step
  // narrows its text and pushes the summary past one phone screen.
  const stepButtons = s.nextSteps.flatMap((n, i) =>
    n.button ? [neutralButton(ids(`step:${i + 1}`), { ...n.button, label: `${n.button.label} ${i + 1}` })] : [],
  );
  const buttons = [...stepButtons, ...s.buttons.map((b, i) => neutralButton(ids(`button:${i + 1}`), b))];
  const title = `${esc(s.title)}: ${esc(headline)}`;
  const details = detailBlocks(s);
  return {
    message: {
      text: fallbackText(title),
      blocks: [
        header(headline),
        context([`${esc(s.title)} · ${esc(averageLine(s))}`, esc(legend(s))]),
        ...fieldSections(rows),
        ...(steps.length > 0 ? [section("*Next steps*"), ...steps] : []),
        ...actions(buttons),
      ],
    },
    ...(details.length > 0 ? { details: { text: fallbackText(`Details · ${title}`), blocks: details } } : {}),
  };
}

/** What the first screen leaves out: reasons and steps in full, then the small print. */
function detailBlocks(s: SummaryMessage): Block[] {
  const steps = s.nextSteps.map((n, i) => `*${i + 1}. ${esc(n.title)}*\n*How:* ${esc(n.how)}\n*Why:* ${esc(n.why)}`);
  const perDimension = s.dimensions.flatMap((d) => {
    const notes = detailNotes(d);
    return notes.length > 0 ? [`${esc(fitPlain(d.name, NAME_MAX))}: ${esc(notes.join(", "))}`] : [];
  });
  const participation = s.participation ? [esc(participationLine(s.participation))] : [];
  const small = [...perDimension, ...participation, ...s.notes.map(esc)];
  const explanation = s.explanation ? [`*What blocks the next level:* ${esc(s.explanation)}`] : [];
  if (small.length === 0 && steps.length === 0 && explanation.length === 0 && !s.chart) return [];
  return [
    ...sections(["*Details*", ...explanation, ...steps]),
    ...sections(small).map((block) => (block.type === "section" && block.text ? context([block.text.text]) : block)),
    ...(s.chart ? [image(s.chart.url, s.chart.alt)] : []),
  ];
}

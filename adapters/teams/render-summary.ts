import { headline, stepAim } from "../../src/chat/dimension-notes.js";
import type { DimensionLine, SummaryMessage } from "../../src/chat/outbound.js";
import { averageLine, detailNotes, legend, participationLine, shortLevel } from "../../src/chat/summary-words.js";
import type { Cap } from "./render-cap.js";
import { actionSets, buttons, chartImage, textBlock } from "./render-elements.js";
import type { CardAction, CardElement } from "./render-schema.js";
import { safe } from "./text.js";

/** One short row per dimension: the name, and its level in a column of its own so the levels line up. */
function dimensionRow(d: DimensionLine, cap: Cap): CardElement {
  return {
    type: "ColumnSet",
    spacing: "Small",
    columns: [
      { type: "Column", width: "stretch", items: [textBlock(safe(d.name, cap(80)))] },
      { type: "Column", width: "auto", items: [textBlock(safe(shortLevel(d), cap(40)), { weight: "Bolder" })] },
    ],
  };
}

function nextSteps(s: SummaryMessage, cap: Cap): CardElement[] {
  if (s.nextSteps.length === 0) return [];
  // Each step is a container of its own, so a button per step can be added to it.
  const steps: CardElement[] = s.nextSteps.map((n, i) => ({
    type: "Container",
    spacing: "Small",
    items: [
      textBlock(`**${i + 1}. ${safe(n.title, cap(150))}**`),
      textBlock(`${safe(n.dimension, cap(80))}, ${stepAim(n)}`, { isSubtle: true, spacing: "None" }),
    ],
  }));
  // The steps' own buttons (Adopt) share one row, numbered like the steps: a row per step would push the summary
  // past one phone screen.
  const stepButtons = s.nextSteps.flatMap((n, i) =>
    n.button ? [{ ...n.button, label: `${n.button.label} ${i + 1}` }] : [],
  );
  return [
    textBlock("Next steps", { weight: "Bolder", separator: true, spacing: "Medium" }),
    ...steps,
    ...actionSets(buttons(stepButtons)),
  ];
}

/**
 * What blocks the next level, how and why to take each step, spread, disagreement, progress, participation, notes
 * and the chart: a second card under "Details".
 */
function details(s: SummaryMessage, cap: Cap): CardAction[] {
  const explanation = s.explanation
    ? [textBlock(`**What blocks the next level:** ${safe(s.explanation, cap(1000))}`)]
    : [];
  const steps = s.nextSteps.map((n, i) =>
    textBlock(
      `**${i + 1}. ${safe(n.title, cap(150))}**\n\n**How:** ${safe(n.how, cap(500))}\n\n**Why:** ${safe(n.why, cap(500))}`,
    ),
  );
  const perDimension = s.dimensions.flatMap((d) => {
    const notes = detailNotes(d);
    return notes.length > 0 ? [`- **${safe(d.name, cap(80))}**: ${safe(notes.join(", "), cap(200))}`] : [];
  });
  const participation = s.participation ? [`- ${safe(participationLine(s.participation), cap(200))}`] : [];
  const shown = s.notes.slice(0, cap(10));
  const notes = shown.map((n) => `- ${safe(n, cap(300))}`);
  if (s.notes.length > shown.length) notes.push(`- …and ${s.notes.length - shown.length} more`);
  const lines = [...perDimension, ...participation, ...notes];
  if (lines.length === 0 && steps.length === 0 && explanation.length === 0 && !s.chart) return [];
  return [
    {
      type: "Action.ShowCard",
      title: "Details",
      tooltip: "What blocks the next level, how to take each step, the spread of answers and the chart",
      card: {
        type: "AdaptiveCard",
        body: [
          ...explanation,
          ...steps,
          ...(lines.length > 0 ? [textBlock(lines.join("\n"), { size: "Small" })] : []),
          // Teams clients fetch the image themselves; the rows say the same for clients that cannot reach it.
          ...(s.chart ? [chartImage(s.chart, cap(1000))] : []),
        ],
      },
    },
  ];
}

/**
 * The result, phone first: the weakest-link level as the headline, the average and the terms explained once, one
 * short two-column row per dimension, the next steps by name, then the buttons with "Details" (what blocks, how and
 * why, spread, disagreement, progress, the chart) as a second card. People's names never appear.
 */
export function renderSummary(s: SummaryMessage, cap: Cap): CardElement[] {
  return [
    textBlock(safe(headline(s), cap(160)), { size: "Large", weight: "Bolder" }),
    textBlock(`${safe(s.title, cap(200))} · ${averageLine(s)}`, { isSubtle: true, spacing: "Small" }),
    textBlock(legend(s), { isSubtle: true, size: "Small", spacing: "None" }),
    ...s.dimensions.map((d) => dimensionRow(d, cap)),
    ...nextSteps(s, cap),
    ...actionSets([...buttons(s.buttons), ...details(s, cap)]),
  ];
}

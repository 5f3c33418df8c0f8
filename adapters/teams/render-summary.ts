import {
  dimensionBar,
  dimensionLevel,
  dimensionNotes,
  headline,
  levelTrend,
  stepAim,
} from "../../src/chat/dimension-notes.js";
import type { DimensionLine, SummaryMessage } from "../../src/chat/outbound.js";
import type { Cap } from "./render-cap.js";
import { actionSets, buttons, chartImage, textBlock } from "./render-elements.js";
import type { CardElement } from "./render-schema.js";
import { safe } from "./text.js";

/** One row per dimension: the bar in its own column, so bars line up whatever the names are. */
function dimensionRow(d: DimensionLine, cap: Cap): CardElement {
  const extras = dimensionNotes(d);
  const line = [`**${safe(d.name, cap(80))}**`, safe(dimensionLevel(d), cap(60)), ...extras].join(" · ");
  return {
    type: "ColumnSet",
    spacing: "Small",
    columns: [
      { type: "Column", width: "auto", items: [textBlock(dimensionBar(d), { fontType: "Monospace" })] },
      { type: "Column", width: "stretch", items: [textBlock(line)] },
    ],
  };
}

function nextSteps(s: SummaryMessage, cap: Cap): CardElement[] {
  if (s.nextSteps.length === 0) return [];
  const steps: CardElement[] = s.nextSteps.map((n, i) => ({
    type: "Container",
    spacing: "Medium",
    items: [
      textBlock(`**${i + 1}. ${safe(n.title, cap(150))}** · ${safe(n.dimension, cap(80))}, ${stepAim(n)}`),
      textBlock(`**Why:** ${safe(n.why, cap(500))}`, { spacing: "Small" }),
      textBlock(`**How:** ${safe(n.how, cap(500))}`, { spacing: "Small" }),
    ],
  }));
  return [textBlock("Next steps", { weight: "Bolder", separator: true, spacing: "Medium" }), ...steps];
}

/**
 * The result: the weakest-link level as the headline with the mean profile beside it, one bar per dimension, what
 * blocks the next level, at most three next steps, participation and notes. People's names never appear.
 */
export function renderSummary(s: SummaryMessage, cap: Cap): CardElement[] {
  const overallTrend = levelTrend(s.overall.previous, s.overall.level);
  const subtitle = [
    safe(s.title, cap(200)),
    `profile ${s.profile.toFixed(1)}`,
    ...(overallTrend ? [overallTrend] : []),
  ];
  const shown = s.notes.slice(0, cap(10));
  const notes = shown.map((n) => `- ${safe(n, cap(300))}`);
  if (s.notes.length > shown.length) notes.push(`- …and ${s.notes.length - shown.length} more`);
  return [
    textBlock(safe(headline(s), cap(160)), { size: "Large", weight: "Bolder" }),
    textBlock(subtitle.join(" · "), { isSubtle: true, spacing: "Small" }),
    // Teams clients fetch the image themselves; the bars below stay for clients that cannot reach it.
    ...(s.chart ? [chartImage(s.chart, cap(1000))] : []),
    ...s.dimensions.map((d) => dimensionRow(d, cap)),
    ...(s.explanation
      ? [textBlock(`**What blocks the next level:** ${safe(s.explanation, cap(1000))}`, { separator: true })]
      : []),
    ...nextSteps(s, cap),
    ...(s.participation
      ? [
          textBlock(`${s.participation.completed} completed · ${s.participation.inProgress} in progress`, {
            isSubtle: true,
            size: "Small",
            separator: true,
          }),
        ]
      : []),
    ...(notes.length > 0 ? [textBlock(notes.join("\n"), { isSubtle: true, size: "Small" })] : []),
    ...actionSets(buttons(s.buttons)),
  ];
}

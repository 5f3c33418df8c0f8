import {
  dimensionBar,
  dimensionLevel,
  dimensionNotes,
  headline as headlineOf,
  levelTrend,
  stepAim,
} from "../../src/chat/dimension-notes.js";
import type { DimensionLine, SummaryMessage } from "../../src/chat/outbound.js";
import {
  type ActionIds,
  actions,
  button,
  context,
  divider,
  fallbackText,
  header,
  image,
  section,
  sections,
} from "./render-elements.js";
import type { SlackMessage } from "./render-schema.js";
import { escapeMrkdwn as esc, fitPlain } from "./text.js";

/** Names come from the model (an organisation may load its own): long ones are shortened so 48 rows still fit. */
const NAME_MAX = 120;

function dimensionLine(d: DimensionLine): string {
  const extras = dimensionNotes(d);
  const name = esc(fitPlain(d.name, NAME_MAX));
  const level = esc(fitPlain(dimensionLevel(d), NAME_MAX));
  return `\`${dimensionBar(d)}\` *${name}* · ${level}${extras.length > 0 ? ` · ${extras.join(" · ")}` : ""}`;
}

/**
 * The result: the weakest-link level as the headline with the mean profile beside it, one bar per dimension, what
 * blocks the next level, at most three next steps, participation and notes. People's names never appear.
 */
export function renderSummary(s: SummaryMessage, ids: ActionIds): SlackMessage {
  const headline = headlineOf(s);
  const overallTrend = levelTrend(s.overall.previous, s.overall.level);
  const subtitle = [esc(s.title), `profile ${s.profile.toFixed(1)}`, ...(overallTrend ? [overallTrend] : [])];

  const steps = s.nextSteps.map((n, i) =>
    section(
      [
        `*${i + 1}. ${esc(n.title)}* · ${esc(n.dimension)}, ${stepAim(n)}`,
        `*Why:* ${esc(n.why)}`,
        `*How:* ${esc(n.how)}`,
      ].join("\n"),
    ),
  );
  const participation = s.participation
    ? [context([`${s.participation.completed} completed · ${s.participation.inProgress} in progress`])]
    : [];
  const notes = s.notes.length > 0 ? [context([s.notes.map((n) => `_${esc(n)}_`).join("\n")])] : [];
  const buttons = s.buttons.map((b, i) => button(ids(`button:${i + 1}`), b.label, b.action, b.style));

  return {
    text: fallbackText(`${esc(s.title)}: ${esc(headline)}`),
    blocks: [
      header(headline),
      context([subtitle.join(" · ")]),
      ...(s.chart ? [image(s.chart.url, s.chart.alt)] : []),
      ...sections(s.dimensions.map(dimensionLine)),
      ...(s.explanation ? [section(`*What blocks the next level:* ${esc(s.explanation)}`)] : []),
      ...(steps.length > 0 ? [divider(), section("*Next steps*"), ...steps] : []),
      ...participation,
      ...notes,
      ...actions(buttons),
    ],
  };
}

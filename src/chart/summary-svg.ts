import { headline } from "../chat/dimension-notes.js";
import type { DimensionLine, SummaryMessage } from "../chat/outbound.js";
import {
  fmt,
  GRID,
  heading,
  INK,
  LEVEL_COLOURS,
  levelKey,
  levelKeyHeight,
  MARGIN,
  MAX_LEVEL,
  MUTED,
  SMALL,
  svgDocument,
  TARGET,
  text,
  WIDTH,
  wrap,
} from "./svg-parts.js";

/**
 * The summary as a picture: one horizontal bar per dimension (where the team stands now), a hollow diamond where
 * it stood last round and a dashed tick at its target. Pure and deterministic (same summary, same bytes), so a
 * golden file can hold it; adapters turn it into a PNG (png.ts) for chat, where SVG is not shown inline.
 */

const LABEL_W = 220;
const PLOT_X = LABEL_W + 10;
// Room on the right for the L4 bar's label and the last level name.
const PLOT_W = WIDTH - PLOT_X - 60;
/** From the heading's last line to the first bar's row. */
const HEADER_GAP = 22;
const ROW_H = 40;
const BAR_H = 20;
const AXIS_H = 28;
const LEGEND_ROW = 22;
const LEGEND_H = 2 * LEGEND_ROW + 6;
/** Names wrap to two lines of this many characters instead of being cut (no text is under SMALL: svg-parts.ts). */
const NAME_CHARS = 24;

const xOf = (level: number) => PLOT_X + (level / MAX_LEVEL) * PLOT_W;

function dimensionRow(d: DimensionLine, index: number, plotTop: number): string {
  const top = plotTop + index * ROW_H;
  const barY = top + (ROW_H - BAR_H) / 2;
  const mid = top + ROW_H / 2;
  const lines = wrap(d.name, NAME_CHARS);
  const label = lines
    .map((line, i) =>
      text(
        LABEL_W,
        mid + 5 + (i - (lines.length - 1) / 2) * 16,
        line,
        `text-anchor="end" font-size="${SMALL}" fill="${INK}"`,
      ),
    )
    .join("\n");
  // Unrated: no bar at all (an empty bar would read as level 0), just the question mark.
  if (d.unresolved) {
    return [
      label,
      text(PLOT_X + 6, mid + 5, "? not rated", `font-size="${SMALL}" font-weight="bold" fill="${MUTED}"`),
    ].join("\n");
  }
  // A level-0 dimension still gets a sliver, so "nothing yet" reads as a bar and not as missing data.
  const barEnd = Math.max(xOf(d.level), PLOT_X + 6);
  const parts = [
    label,
    `<rect x="${PLOT_X}" y="${fmt(barY)}" width="${fmt(barEnd - PLOT_X)}" height="${BAR_H}" rx="3" fill="${LEVEL_COLOURS[d.level]}"/>`,
    text(
      barEnd + 6,
      mid + 5,
      `L${d.level}${d.disagreement ? " ⚠" : ""}`,
      `font-size="${SMALL}" font-weight="bold" fill="${INK}"`,
    ),
  ];
  if (d.previous !== undefined && d.previous !== d.level) {
    const x = xOf(d.previous);
    const r = 7;
    parts.push(
      `<path d="M${fmt(x)} ${fmt(mid - r)} L${fmt(x + r)} ${fmt(mid)} L${fmt(x)} ${fmt(mid + r)} L${fmt(x - r)} ${fmt(mid)} Z" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`,
    );
  }
  if (d.target !== undefined) {
    const x = xOf(d.target);
    parts.push(
      `<line x1="${fmt(x)}" y1="${fmt(top + 3)}" x2="${fmt(x)}" y2="${fmt(top + ROW_H - 3)}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="4 3"/>`,
    );
  }
  return parts.join("\n");
}

function grid(rows: number, plotTop: number): string {
  const bottom = plotTop + rows * ROW_H;
  const lines: string[] = [];
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const x = xOf(level);
    lines.push(
      `<line x1="${fmt(x)}" y1="${fmt(plotTop)}" x2="${fmt(x)}" y2="${fmt(bottom)}" stroke="${GRID}" stroke-width="1"/>`,
      text(x, bottom + 20, `L${level}`, `text-anchor="middle" font-size="${SMALL}" font-weight="bold" fill="${MUTED}"`),
    );
  }
  return lines.join("\n");
}

/** Two rows from the left edge: what the marks mean, including that no diamond means the level did not change. */
function legend(y: number): string {
  const x = MARGIN;
  const second = y + LEGEND_ROW;
  const items = [
    `<rect x="${x}" y="${y - 11}" width="18" height="12" rx="2" fill="${LEVEL_COLOURS[3]}"/>`,
    text(x + 24, y, "now", `font-size="${SMALL}" fill="${MUTED}"`),
    `<path d="M${x + 90} ${y - 11} L${x + 96} ${y - 5} L${x + 90} ${y + 1} L${x + 84} ${y - 5} Z" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`,
    text(x + 102, y, "last round (no diamond: unchanged)", `font-size="${SMALL}" fill="${MUTED}"`),
    `<line x1="${x + 9}" y1="${second - 12}" x2="${x + 9}" y2="${second + 2}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="4 3"/>`,
    text(x + 24, second, "target", `font-size="${SMALL}" fill="${MUTED}"`),
    text(x + 102, second, "⚠ answers disagree", `font-size="${SMALL}" fill="${MUTED}"`),
  ];
  return items.join("\n");
}

/** The chart in words: the SVG's title and the image's alt text in chat, for screen readers and for search. */
export function chartAltText(summary: SummaryMessage): string {
  const rows = summary.dimensions.map((d) =>
    d.unresolved
      ? `${d.name} not rated`
      : `${d.name} L${d.level}${d.previous !== undefined && d.previous !== d.level ? ` (was L${d.previous})` : ""}`,
  );
  return `${summary.title}: ${headline(summary)}. ${rows.join(", ")}.`;
}

/**
 * `levelNames` are the model's level names, 0 to 4 (the chart's axis). The summary's own dimension lines carry
 * the names of the levels reached, not the whole scale.
 */
export function summarySvg(summary: SummaryMessage, levelNames: readonly string[]): string {
  const rows = summary.dimensions.length;
  const trend =
    summary.overall.previous === undefined || summary.overall.previous === summary.overall.level
      ? ""
      : ` (${summary.overall.previous < summary.overall.level ? "up" : "down"} from L${summary.overall.previous})`;
  const head = heading(summary.title, `${headline(summary)}${trend} · average L${summary.profile.toFixed(1)}`);
  const plotTop = head.bottom + HEADER_GAP;
  const plotBottom = plotTop + rows * ROW_H;
  const keyTop = plotBottom + AXIS_H + LEGEND_H + 14;
  const height = keyTop + levelKeyHeight(levelNames.length);
  const body = [
    head.svg,
    grid(rows, plotTop),
    ...summary.dimensions.map((d, i) => dimensionRow(d, i, plotTop)),
    legend(plotBottom + AXIS_H + 14),
    levelKey(keyTop, levelNames),
  ];
  return svgDocument(WIDTH, height, chartAltText(summary), body);
}

import { headline } from "../chat/dimension-notes.js";
import type { DimensionLine, SummaryMessage } from "../chat/outbound.js";
import {
  ellipsize,
  fmt,
  GRID,
  INK,
  LEVEL_COLOURS,
  MAX_LEVEL,
  MUTED,
  svgDocument,
  TARGET,
  text,
  wrap,
} from "./svg-parts.js";

/**
 * The summary as a picture: one horizontal bar per dimension (where the team stands now), a hollow diamond where
 * it stood last round and a dashed tick at its target. Pure and deterministic (same summary, same bytes), so a
 * golden file can hold it; adapters turn it into a PNG (png.ts) for chat, where SVG is not shown inline.
 */

const WIDTH = 720;
const LABEL_W = 220;
const PLOT_X = LABEL_W + 10;
// Room on the right for the L4 bar's label and the last level name.
const PLOT_W = WIDTH - PLOT_X - 60;
const HEADER_H = 78;
const ROW_H = 40;
const BAR_H = 20;
const AXIS_H = 48;
const LEGEND_H = 30;

const xOf = (level: number) => PLOT_X + (level / MAX_LEVEL) * PLOT_W;

function dimensionRow(d: DimensionLine, index: number): string {
  const top = HEADER_H + index * ROW_H;
  const barY = top + (ROW_H - BAR_H) / 2;
  const mid = top + ROW_H / 2;
  const label = text(LABEL_W, mid + 5, ellipsize(d.name, 26), `text-anchor="end" font-size="14" fill="${INK}"`);
  // Unrated: no bar at all (an empty bar would read as level 0), just the question mark.
  if (d.unresolved) {
    return [label, text(PLOT_X + 6, mid + 5, "? not rated", `font-size="13" font-weight="bold" fill="${MUTED}"`)].join(
      "\n",
    );
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
      `font-size="13" font-weight="bold" fill="${INK}"`,
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

function grid(rows: number, levelNames: readonly string[]): string {
  const bottom = HEADER_H + rows * ROW_H;
  const lines: string[] = [];
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const x = xOf(level);
    lines.push(
      `<line x1="${fmt(x)}" y1="${HEADER_H}" x2="${fmt(x)}" y2="${fmt(bottom)}" stroke="${GRID}" stroke-width="1"/>`,
      text(x, bottom + 16, `L${level}`, `text-anchor="middle" font-size="12" font-weight="bold" fill="${MUTED}"`),
      ...wrap(levelNames[level] ?? "", 17).map((part, i) =>
        text(x, bottom + 30 + i * 12, part, `text-anchor="middle" font-size="10" fill="${MUTED}"`),
      ),
    );
  }
  return lines.join("\n");
}

function legend(y: number): string {
  const items = [
    `<rect x="${PLOT_X}" y="${y - 10}" width="18" height="12" rx="2" fill="${LEVEL_COLOURS[3]}"/>`,
    text(PLOT_X + 24, y, "now", `font-size="12" fill="${MUTED}"`),
    `<path d="M${PLOT_X + 90} ${y - 10} L${PLOT_X + 96} ${y - 4} L${PLOT_X + 90} ${y + 2} L${PLOT_X + 84} ${y - 4} Z" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`,
    text(PLOT_X + 102, y, "last round", `font-size="12" fill="${MUTED}"`),
    `<line x1="${PLOT_X + 190}" y1="${y - 11}" x2="${PLOT_X + 190}" y2="${y + 3}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="4 3"/>`,
    text(PLOT_X + 198, y, "target", `font-size="12" fill="${MUTED}"`),
    text(PLOT_X + 260, y, "⚠ answers disagree", `font-size="12" fill="${MUTED}"`),
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
  const height = HEADER_H + rows * ROW_H + AXIS_H + LEGEND_H + 6;
  const trend =
    summary.overall.previous === undefined || summary.overall.previous === summary.overall.level
      ? ""
      : ` (${summary.overall.previous < summary.overall.level ? "up" : "down"} from L${summary.overall.previous})`;
  const body = [
    text(20, 32, ellipsize(summary.title, 60), `font-size="20" font-weight="bold" fill="${INK}"`),
    text(
      20,
      56,
      `${headline(summary)}${trend} · profile ${summary.profile.toFixed(1)}`,
      `font-size="14" fill="${MUTED}"`,
    ),
    grid(rows, levelNames),
    ...summary.dimensions.map(dimensionRow),
    legend(height - 14),
  ];
  return svgDocument(WIDTH, height, chartAltText(summary), body);
}

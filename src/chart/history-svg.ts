import { dayOf, dayParts, dayRange } from "../chat/day-words.js";
import { ellipsize } from "../chat/short-text.js";
import { titled } from "../chat/titles.js";
import { fitHistory, type HistoryChartData } from "./history-fit.js";
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
 * A team's levels over its rounds, in two panels sharing one time axis: the overall level as a bold line on a
 * 0-4 scale (with the target dashed), and under it a heat strip, one row per dimension and one cell per round in
 * that level's colour. Dimensions only take whole levels, so as lines they would sit on top of each other; as
 * cells every one stays readable, and what moved shows as a change of colour plus a ▲ or ▼. Narrow and large like
 * the summary chart (svg-parts.ts: 720 units, no text under 14): names wrap, level names sit in a key under the
 * legend, and twelve rounds (all that history-fit.ts keeps) still leave each cell its level and mark.
 */

const LABEL_W = 220;
const PLOT_X = LABEL_W + 16;
const PLOT_R = WIDTH - MARGIN;
// A few rounds should not turn into long bars: columns stop growing at this width and the rest stays empty.
const MAX_COL_W = 96;
/** From the heading's last line to the L4 grid line. */
const HEADER_GAP = 30;
const LEVEL_H = 30;
const CHIP_W = 30;
/** The first date line under the L0 grid line, and the next ones. */
const AXIS_GAP = 30;
const AXIS_LINE = 17;
const ROW_H = 40;
const CELL_H = 26;
/** Dimension names wrap to two lines of this many characters (history-fit.ts keeps 30). */
const NAME_CHARS = 24;
const NAME_LINE = 16;
const LEGEND_ROW = 24;
/** "31 Mar" on one line needs a column this wide; narrower columns put the month under the day. */
const ONE_LINE_DATE_W = 56;

type Round = HistoryChartData["rounds"][number];

interface Layout {
  /** y of the L4 and L0 grid lines. */
  lineTop: number;
  lineBottom: number;
  heatTop: number;
  colWidth: number;
  centre(index: number): number;
}

const yOf = (layout: Layout, level: number) => layout.lineBottom - level * LEVEL_H;

function layoutOf(headingBottom: number, rounds: number): Layout {
  const colWidth = Math.min(MAX_COL_W, (PLOT_R - PLOT_X) / Math.max(rounds, 1));
  const lineTop = headingBottom + HEADER_GAP;
  const lineBottom = lineTop + MAX_LEVEL * LEVEL_H;
  // Day, month and year on up to three lines; the heat strip starts under the last.
  const dateLines = colWidth >= ONE_LINE_DATE_W ? 2 : 3;
  const heatTop = lineBottom + AXIS_GAP + (dateLines - 1) * AXIS_LINE + 14;
  return { lineTop, lineBottom, heatTop, colWidth, centre: (index) => PLOT_X + colWidth * (index + 0.5) };
}

/** "31 Mar" (or "31" over "Mar" in narrow columns), the year under it only where it changes. */
function roundLabels(rounds: Round[], layout: Layout): string[] {
  const axisLabel = `text-anchor="middle" font-size="${SMALL}" fill="${MUTED}"`;
  const yearLabel = `text-anchor="middle" font-size="${SMALL}" fill="${INK}"`;
  const oneLine = layout.colWidth >= ONE_LINE_DATE_W;
  const lineY = (n: number) => layout.lineBottom + AXIS_GAP + n * AXIS_LINE;
  let year: number | undefined;
  return rounds.map((r, i) => {
    const x = layout.centre(i);
    const date = dayParts(r.label);
    if (!date) return text(x, lineY(0), ellipsize(r.label, Math.floor(layout.colWidth / 9)), axisLabel);
    const day = oneLine ? [`${date.day} ${date.month}`] : [String(date.day), date.month];
    const newYear = date.year !== year;
    year = date.year;
    return [
      ...day.map((line, n) => text(x, lineY(n), line, axisLabel)),
      ...(newYear ? [text(x, lineY(day.length), String(date.year), yearLabel)] : []),
    ].join("\n");
  });
}

/** A level's colour with its number (and mark) on it: the y axis's key, and each cell of the heat strip. */
function chip(x: number, y: number, width: number, level: number, label: string): string {
  const colour = LEVEL_COLOURS[level] ?? GRID;
  const ink = level >= 3 ? "#ffffff" : INK;
  return [
    `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(width)}" height="${CELL_H}" rx="3" fill="${colour}"/>`,
    text(
      x + width / 2,
      y + CELL_H / 2 + 5,
      label,
      `text-anchor="middle" font-size="${SMALL}" font-weight="bold" fill="${ink}"`,
    ),
  ].join("\n");
}

/** The overall panel's left side: what it shows, and a chip per level on its grid line. */
function levelAxis(layout: Layout): string {
  const lines = [
    text(
      LABEL_W - CHIP_W - 10,
      yOf(layout, 2) - 4,
      "Overall",
      `text-anchor="end" font-size="${SMALL}" font-weight="bold" fill="${INK}"`,
    ),
    text(
      LABEL_W - CHIP_W - 10,
      yOf(layout, 2) + 14,
      "level",
      `text-anchor="end" font-size="${SMALL}" font-weight="bold" fill="${INK}"`,
    ),
  ];
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const y = yOf(layout, level);
    lines.push(
      `<line x1="${PLOT_X}" y1="${y}" x2="${PLOT_R}" y2="${y}" stroke="${GRID}" stroke-width="1"/>`,
      chip(LABEL_W - CHIP_W, y - CELL_H / 2, CHIP_W, level, `L${level}`),
    );
  }
  return lines.join("\n");
}

/** Named in the legend and the headline: a label on the line itself would collide with points that reach it. */
function targetLine(layout: Layout, target: number): string {
  const y = yOf(layout, target);
  return `<line x1="${PLOT_X}" y1="${y}" x2="${PLOT_R}" y2="${y}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="6 4"/>`;
}

function overallLine(rounds: Round[], layout: Layout): string {
  const point = (r: Round, i: number) => `${fmt(layout.centre(i))},${fmt(yOf(layout, r.overall))}`;
  const dots = rounds.map(
    (r, i) =>
      `<circle cx="${fmt(layout.centre(i))}" cy="${fmt(yOf(layout, r.overall))}" r="6" fill="${INK}" stroke="#ffffff" stroke-width="2"/>`,
  );
  // Between two grid lines, so neither a grid line nor the target (always on one) runs through it.
  const first = text(
    PLOT_X + layout.colWidth + 16,
    yOf(layout, 1.5) + 5,
    "The line grows as more rounds close.",
    `font-size="${SMALL}" font-style="italic" fill="${MUTED}"`,
  );
  const line =
    rounds.length > 1
      ? [
          `<polyline points="${rounds.map(point).join(" ")}" fill="none" stroke="${INK}" stroke-width="3.5" stroke-linejoin="round" stroke-linecap="round"/>`,
        ]
      : rounds.length === 1
        ? [first]
        : [];
  return [...line, ...dots].join("\n");
}

function heatStrip(data: HistoryChartData, layout: Layout): string {
  return data.dimensions
    .map((name, row) => {
      const top = layout.heatTop + row * ROW_H;
      const mid = top + ROW_H / 2;
      const lines = wrap(name, NAME_CHARS);
      const label = lines.map((line, i) =>
        text(
          LABEL_W,
          mid + 5 + (i - (lines.length - 1) / 2) * NAME_LINE,
          line,
          `text-anchor="end" font-size="${SMALL}" fill="${INK}"`,
        ),
      );
      const cells = data.rounds.map((r, i) => {
        const level = r.levels[row] ?? 0;
        const before = data.rounds[i - 1]?.levels[row];
        const mark = before === undefined || before === level ? "" : before < level ? " ▲" : " ▼";
        const x = layout.centre(i) - layout.colWidth / 2 + 2;
        return chip(x, mid - CELL_H / 2, layout.colWidth - 4, level, `${level}${mark}`);
      });
      return [...label, ...cells].join("\n");
    })
    .join("\n");
}

/** What the marks mean, from the left edge, in two rows: the line, the target (when set), the arrows (none: same). */
function legend(y: number, withTarget: boolean): string {
  const x = MARGIN;
  const second = y + LEGEND_ROW;
  const small = `font-size="${SMALL}" fill="${MUTED}"`;
  return [
    `<line x1="${x}" y1="${y - 5}" x2="${x + 28}" y2="${y - 5}" stroke="${INK}" stroke-width="3.5" stroke-linecap="round"/>`,
    `<circle cx="${x + 14}" cy="${y - 5}" r="6" fill="${INK}" stroke="#ffffff" stroke-width="2"/>`,
    text(x + 36, y, "overall level (the weakest dimension's)", small),
    ...(withTarget
      ? [
          `<line x1="${x + 420}" y1="${y - 5}" x2="${x + 450}" y2="${y - 5}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="6 4"/>`,
          text(x + 458, y, "target", small),
        ]
      : []),
    text(x, second, "▲ ▼ a dimension moved since the round before; no mark: unchanged", small),
  ].join("\n");
}

/** The title the chart draws and says: whose, and the days of the rounds it shows. */
function chartTitle(data: HistoryChartData): string {
  const [first, last] = [data.rounds[0], data.rounds.at(-1)];
  return titled(data.title, first && last ? dayRange(first.label, last.label) : "");
}

function headline(data: HistoryChartData, levelNames: readonly string[]): string {
  const last = data.rounds.at(-1);
  if (!last) return "No closed rounds yet";
  const before = data.rounds.at(-2);
  const moved =
    before && before.overall !== last.overall
      ? ` · ${before.overall < last.overall ? "up" : "down"} from L${before.overall} on ${dayOf(before.label)}`
      : "";
  const target = data.target === undefined ? "" : ` · target L${data.target}`;
  return `Now Level ${last.overall} · ${levelNames[last.overall] ?? ""}${moved}${target}`;
}

/** What moved between the last two rounds, biggest moves first (as the history command lists them). */
function changes(data: HistoryChartData, before: Round, after: Round): string[] {
  return data.dimensions
    .map((name, i) => ({ name, from: before.levels[i] ?? 0, to: after.levels[i] ?? 0 }))
    .filter((d) => d.from !== d.to)
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from))
    .map((d) => `${d.name} ${d.from < d.to ? "up" : "down"} L${d.from} → L${d.to}`);
}

/** The chart in words: the SVG's title and the image's alt text in chat, for screen readers and for search. */
export function historyAltText(data: HistoryChartData, levelNames: readonly string[]): string {
  const fitted = fitHistory(data);
  const title = chartTitle(fitted);
  const { rounds } = fitted;
  const last = rounds.at(-1);
  const target = fitted.target === undefined ? "" : ` Target L${fitted.target}.`;
  if (!last) return `${title}: no closed rounds yet.${target}`;
  const levelName = levelNames[last.overall] ?? "";
  const before = rounds.at(-2);
  if (!before) {
    const levels = fitted.dimensions.map((name, i) => `${name} L${last.levels[i] ?? 0}`);
    return `${title}, first round ${dayOf(last.label)}: Level ${last.overall} ${levelName}. ${levels.join(", ")}.${target}`;
  }
  const overall = rounds.map((r) => `${dayOf(r.label)} L${r.overall}`).join(", ");
  const moved = changes(fitted, before, last);
  const since = dayOf(before.label);
  const said = moved.length > 0 ? `Since ${since}: ${moved.join(", ")}.` : `No dimension moved since ${since}.`;
  return `${title}, overall level per round: ${overall} (${levelName}). ${said}${target}`;
}

/** `levelNames` are the model's level names, 0 to 4 (the key). Takes the latest 12 rounds (history-fit.ts). */
export function historySvg(data: HistoryChartData, levelNames: readonly string[]): string {
  const fitted = fitHistory(data);
  const head = heading(chartTitle(fitted), headline(fitted, levelNames));
  const layout = layoutOf(head.bottom, fitted.rounds.length);
  const heatBottom = layout.heatTop + fitted.dimensions.length * ROW_H;
  const legendTop = heatBottom + 30;
  const keyTop = legendTop + 2 * LEGEND_ROW + 12;
  const height = keyTop + levelKeyHeight(levelNames.length);
  const body = [
    head.svg,
    levelAxis(layout),
    ...(fitted.target === undefined ? [] : [targetLine(layout, fitted.target)]),
    overallLine(fitted.rounds, layout),
    ...roundLabels(fitted.rounds, layout),
    heatStrip(fitted, layout),
    legend(legendTop, fitted.target !== undefined),
    levelKey(keyTop, levelNames),
  ];
  return svgDocument(WIDTH, height, historyAltText(data, levelNames), body);
}

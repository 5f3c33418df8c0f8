import { fitHistory, type HistoryChartData } from "./history-fit.js";
import { ellipsize, fmt, GRID, INK, LEVEL_COLOURS, MAX_LEVEL, MUTED, svgDocument, TARGET, text } from "./svg-parts.js";

/**
 * A team's levels over its rounds, in two panels sharing one time axis: the overall level as a bold line on a
 * 0-4 scale (with the target dashed), and under it a heat strip, one row per dimension and one cell per round in
 * that level's colour. Dimensions only take whole levels, so as lines they would sit on top of each other; as
 * cells every one stays readable, and what moved shows as a change of colour plus a ▲ or ▼. Pure and
 * deterministic (same data, same bytes), like summary-svg.ts, whose palette and fonts it shares.
 */

const WIDTH = 800;
const LABEL_W = 232;
const PLOT_X = LABEL_W + 14;
const PLOT_R = WIDTH - 20;
// A few rounds should not turn into long bars: columns stop growing at this width and the rest stays empty.
const MAX_COL_W = 106;
const LINE_TOP = 86;
const LEVEL_H = 26;
const LINE_BOTTOM = LINE_TOP + MAX_LEVEL * LEVEL_H;
const HEAT_TOP = LINE_BOTTOM + 46;
const ROW_H = 24;
const CELL_H = 20;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const yOf = (level: number) => LINE_BOTTOM - level * LEVEL_H;

type Round = HistoryChartData["rounds"][number];

interface Columns {
  width: number;
  centre(index: number): number;
}

function columns(count: number): Columns {
  const width = Math.min(MAX_COL_W, (PLOT_R - PLOT_X) / Math.max(count, 1));
  return { width, centre: (index) => PLOT_X + width * (index + 0.5) };
}

/** Day and month on one line, the year under it only where it changes: dates stay short enough for 12 columns. */
function roundLabels(rounds: Round[], cols: Columns): string[] {
  // Twelve columns leave about 44 px a date: a point smaller keeps neighbours from touching.
  const axisLabel = `text-anchor="middle" font-size="${cols.width < 56 ? 10 : 11}" fill="${MUTED}"`;
  let year = "";
  return rounds.map((r, i) => {
    const x = cols.centre(i);
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.label);
    const month = date ? MONTHS[Number(date[2]) - 1] : undefined;
    if (!date || !month) {
      return text(x, LINE_BOTTOM + 22, ellipsize(r.label, Math.floor(cols.width / 7)), axisLabel);
    }
    const parts = [text(x, LINE_BOTTOM + 22, `${Number(date[3])} ${month}`, axisLabel)];
    if (date[1] !== year) parts.push(text(x, LINE_BOTTOM + 35, String(date[1]), `${axisLabel} font-weight="bold"`));
    year = String(date[1]);
    return parts.join("\n");
  });
}

/** A level's colour with its number on it: the y axis's key, and the same look as the heat strip's cells. */
function chip(x: number, y: number, size: number, level: number, mark = ""): string {
  const colour = LEVEL_COLOURS[level] ?? GRID;
  const ink = level >= 3 ? "#ffffff" : INK;
  return [
    `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(size)}" height="${fmt(CELL_H)}" rx="3" fill="${colour}"/>`,
    text(
      x + size / 2,
      y + 14,
      `${level}${mark}`,
      `text-anchor="middle" font-size="11" font-weight="bold" fill="${ink}"`,
    ),
  ].join("\n");
}

function levelAxis(levelNames: readonly string[]): string {
  const lines: string[] = [];
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const y = yOf(level);
    lines.push(
      `<line x1="${PLOT_X}" y1="${y}" x2="${PLOT_R}" y2="${y}" stroke="${GRID}" stroke-width="1"/>`,
      text(
        LABEL_W - 24,
        y + 4,
        ellipsize(levelNames[level] ?? "", 32),
        `text-anchor="end" font-size="11" fill="${MUTED}"`,
      ),
      chip(LABEL_W - 18, y - CELL_H / 2, 18, level),
    );
  }
  return lines.join("\n");
}

/** Named in the legend and the headline: a label on the line itself would collide with points that reach it. */
function targetLine(target: number): string {
  const y = yOf(target);
  return `<line x1="${PLOT_X}" y1="${y}" x2="${PLOT_R}" y2="${y}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="6 4"/>`;
}

function overallLine(rounds: Round[], cols: Columns): string {
  const points = rounds.map((r, i) => `${fmt(cols.centre(i))},${fmt(yOf(r.overall))}`);
  const dots = rounds.map(
    (r, i) =>
      `<circle cx="${fmt(cols.centre(i))}" cy="${fmt(yOf(r.overall))}" r="5.5" fill="${INK}" stroke="#ffffff" stroke-width="2"/>`,
  );
  const line =
    rounds.length > 1
      ? [
          `<polyline points="${points.join(" ")}" fill="none" stroke="${INK}" stroke-width="3.5" stroke-linejoin="round" stroke-linecap="round"/>`,
        ]
      : [
          text(
            PLOT_X + cols.width + 16,
            yOf(2) + 4,
            "The first round: the line grows as more rounds close.",
            `font-size="12" font-style="italic" fill="${MUTED}"`,
          ),
        ];
  return [...line, ...dots].join("\n");
}

function heatStrip(data: HistoryChartData, cols: Columns): string {
  return data.dimensions
    .map((name, row) => {
      const top = HEAT_TOP + row * ROW_H;
      const cells = data.rounds.map((r, i) => {
        const level = r.levels[row] ?? 0;
        const before = data.rounds[i - 1]?.levels[row];
        const mark = before === undefined || before === level ? "" : before < level ? " ▲" : " ▼";
        return chip(cols.centre(i) - cols.width / 2 + 2, top, cols.width - 4, level, mark);
      });
      return [text(LABEL_W, top + 15, name, `text-anchor="end" font-size="13" fill="${INK}"`), ...cells].join("\n");
    })
    .join("\n");
}

function legend(y: number): string {
  return [
    `<line x1="${PLOT_X}" y1="${y - 4}" x2="${PLOT_X + 28}" y2="${y - 4}" stroke="${INK}" stroke-width="3.5" stroke-linecap="round"/>`,
    `<circle cx="${PLOT_X + 14}" cy="${y - 4}" r="5.5" fill="${INK}" stroke="#ffffff" stroke-width="2"/>`,
    text(PLOT_X + 36, y, "overall level", `font-size="12" fill="${MUTED}"`),
    `<line x1="${PLOT_X + 130}" y1="${y - 4}" x2="${PLOT_X + 158}" y2="${y - 4}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="6 4"/>`,
    text(PLOT_X + 166, y, "target", `font-size="12" fill="${MUTED}"`),
    text(PLOT_X + 230, y, "▲ ▼ dimension moved since the round before", `font-size="12" fill="${MUTED}"`),
  ].join("\n");
}

function headline(data: HistoryChartData, levelNames: readonly string[]): string {
  const last = data.rounds.at(-1);
  if (!last) return "No closed rounds yet";
  const before = data.rounds.at(-2);
  const moved =
    before && before.overall !== last.overall
      ? ` · ${before.overall < last.overall ? "up" : "down"} from L${before.overall} on ${before.label}`
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
  const { rounds } = fitted;
  const last = rounds.at(-1);
  const target = fitted.target === undefined ? "" : ` Target L${fitted.target}.`;
  if (!last) return `${fitted.title}: no closed rounds yet.${target}`;
  const levelName = levelNames[last.overall] ?? "";
  const before = rounds.at(-2);
  if (!before) {
    const levels = fitted.dimensions.map((name, i) => `${name} L${last.levels[i] ?? 0}`);
    return `${fitted.title}, first round ${last.label}: Level ${last.overall} ${levelName}. ${levels.join(", ")}.${target}`;
  }
  const overall = rounds.map((r) => `${r.label} L${r.overall}`).join(", ");
  const moved = changes(fitted, before, last);
  const since =
    moved.length > 0 ? `Since ${before.label}: ${moved.join(", ")}.` : `No dimension moved since ${before.label}.`;
  return `${fitted.title}, overall level per round: ${overall} (${levelName}). ${since}${target}`;
}

/** `levelNames` are the model's level names, 0 to 4: the y axis. Takes the latest 12 rounds (history-fit.ts). */
export function historySvg(data: HistoryChartData, levelNames: readonly string[]): string {
  const fitted = fitHistory(data);
  const cols = columns(fitted.rounds.length);
  const heatBottom = HEAT_TOP + fitted.dimensions.length * ROW_H;
  const height = heatBottom + 40;
  const body = [
    text(20, 32, fitted.title, `font-size="20" font-weight="bold" fill="${INK}"`),
    text(20, 56, ellipsize(headline(fitted, levelNames), 90), `font-size="14" fill="${MUTED}"`),
    levelAxis(levelNames),
    ...(fitted.target === undefined ? [] : [targetLine(fitted.target)]),
    overallLine(fitted.rounds, cols),
    ...roundLabels(fitted.rounds, cols),
    heatStrip(fitted, cols),
    legend(height - 12),
  ];
  return svgDocument(WIDTH, height, historyAltText(data, levelNames), body);
}

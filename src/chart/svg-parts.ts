import { ellipsize } from "../chat/short-text.js";

/**
 * What both charts draw with: one palette, one font stack, the text helpers, the heading and the key of levels, so
 * the charts look like a pair. Both are 720 units wide and drawn at twice that (1440 px, png.ts); a phone shows them
 * about 330 px wide, so no text is under 14 units (28 px in the PNG, about 6.5 px on the phone).
 */
export const WIDTH = 720;
export const MARGIN = 20;
/** The smallest text either chart draws. */
export const SMALL = 14;

export const MAX_LEVEL = 4;

/** A sequential single-hue scale: readable by colour-blind people and in greyscale, darker is more mature. */
export const LEVEL_COLOURS = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
export const INK = "#1f2933";
export const MUTED = "#616e7c";
export const GRID = "#d9e2ec";
export const TARGET = "#d64545";
export const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

export const fmt = (n: number) => String(Math.round(n * 10) / 10);

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Two lines at most of about `width` characters, so level names fit the space between grid lines. */
export function wrap(name: string, width: number): string[] {
  const [first = "", ...rest] = name.split(" ");
  let line = first;
  let i = 0;
  while (i < rest.length && `${line} ${rest[i]}`.length <= width) line = `${line} ${rest[i++]}`;
  const remainder = rest.slice(i).join(" ");
  return remainder ? [ellipsize(line, width), ellipsize(remainder, width)] : [ellipsize(line, width)];
}

export function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}"${attrs ? ` ${attrs}` : ""}>${escapeXml(content)}</text>`;
}

/** The root element, with the chart in words as its <title> (screen readers; biome asks for one). */
export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

/** Characters of a 20-unit bold title, and of 14-unit text, that fit the chart's width with room to spare. */
const TITLE_CHARS = 48;
const LINE_CHARS = 76;

/**
 * The title (whose and when, in two lines at most) and the line under it; returns where the chart goes on.
 * Long titles wrap instead of running off the edge or losing their date.
 */
export function heading(title: string, subtitle: string): { svg: string; bottom: number } {
  const titles = titleLines(title);
  const subtitles = wrap(subtitle, LINE_CHARS);
  const subtitleTop = 32 + (titles.length - 1) * 26 + 24;
  const svg = [
    ...titles.map((line, i) => text(MARGIN, 32 + i * 26, line, `font-size="20" font-weight="bold" fill="${INK}"`)),
    ...subtitles.map((line, i) => text(MARGIN, subtitleTop + i * 18, line, `font-size="${SMALL}" fill="${MUTED}"`)),
  ];
  return { svg: svg.join("\n"), bottom: subtitleTop + (subtitles.length - 1) * 18 };
}

/** A long title breaks at its last " · ": whose on the first line, when on the second, never a date in two. */
function titleLines(title: string): string[] {
  if (title.length <= TITLE_CHARS) return [title];
  const at = title.lastIndexOf(" · ");
  const fits = at > 0 && at <= TITLE_CHARS && title.length - at - 3 <= TITLE_CHARS;
  return fits ? [title.slice(0, at), title.slice(at + 3)] : wrap(title, TITLE_CHARS);
}

const KEY_ROW = 22;

/** Height of the key of `levels` level names (two columns). */
export const levelKeyHeight = (levels: number) => Math.ceil(levels / 2) * KEY_ROW;

/**
 * Each level's colour and name, in two columns: the names are too long to sit on an axis at a readable size, and
 * the colours are what the bars and cells are drawn in.
 */
export function levelKey(top: number, levelNames: readonly string[]): string {
  return levelNames
    .map((name, level) => {
      const x = MARGIN + (level % 2) * 350;
      const y = top + Math.floor(level / 2) * KEY_ROW;
      return [
        `<rect x="${x}" y="${y - 13}" width="16" height="16" rx="2" fill="${LEVEL_COLOURS[level] ?? GRID}"/>`,
        text(x + 22, y, ellipsize(`L${level} ${name}`, 36), `font-size="${SMALL}" fill="${MUTED}"`),
      ].join("\n");
    })
    .join("\n");
}

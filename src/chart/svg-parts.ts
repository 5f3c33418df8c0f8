/** What both charts draw with: one palette, one font stack and the text helpers, so the charts look like a pair. */

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

/** Names longer than the space they get would run into the plot; cut them with an ellipsis. */
export function ellipsize(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
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

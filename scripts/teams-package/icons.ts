import { Resvg } from "@resvg/resvg-js";

/**
 * The app's two icons, drawn as SVG and rasterised by resvg when the package is built: four rising bars, the
 * maturity levels. Teams wants a 192x192 full-colour icon and a 32x32 outline icon that is white on transparent
 * (MS doc "Teams app icons"); crisp edges on whole pixels keep the outline to exactly those two colours.
 */
const ACCENT = "#1f3a5f";
const WHITE = "#ffffff";

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Four bars of rising height on a baseline, inside a square of `size` with `margin` on every side. */
function barsSvg(size: number, margin: number, background: string | undefined): string {
  const inner = size - 2 * margin;
  const gap = Math.max(1, Math.round(inner / 16));
  const width = Math.floor((inner - 3 * gap) / 4);
  const bottom = size - margin;
  const bars = [0.35, 0.55, 0.75, 1].map((share, i) => {
    const height = Math.round(inner * share);
    return `<rect x="${margin + i * (width + gap)}" y="${bottom - height}" width="${width}" height="${height}" fill="${WHITE}"/>`;
  });
  const fill = background ? `<rect width="${size}" height="${size}" fill="${background}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" shape-rendering="crispEdges">${fill}${bars.join("")}</svg>`;
}

export interface Icon {
  png: Buffer;
  width: number;
  height: number;
  /** RGBA, row by row: what the tests look at. */
  pixels: Buffer;
}

function rasterise(svg: string): Icon {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

export const colorIcon = (): Icon => rasterise(barsSvg(COLOR_ICON_SIZE, 44, ACCENT));
export const outlineIcon = (): Icon => rasterise(barsSvg(OUTLINE_ICON_SIZE, 4, undefined));

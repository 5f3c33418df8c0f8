import { encodePng } from "./png.js";

/**
 * The app's two icons, drawn in code so they can be regenerated (make-icons.ts) and checked in tests: four rising
 * bars, the maturity levels. Teams wants a 192x192 full-colour icon and a 32x32 outline icon that is white on
 * transparent (MS doc "Teams app icons").
 */
type Rgba = readonly [number, number, number, number];

const ACCENT: Rgba = [0x1f, 0x3a, 0x5f, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

function canvas(size: number, background: Rgba) {
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) pixels.set(background, i * 4);
  const fill = (x0: number, y0: number, x1: number, y1: number, colour: Rgba) => {
    for (let y = Math.max(0, y0); y < Math.min(size, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(size, x1); x++) pixels.set(colour, (y * size + x) * 4);
    }
  };
  return { pixels, fill };
}

/** Four bars of rising height on a baseline, inside a square of `size` with `margin` on every side. */
function drawBars(size: number, margin: number, colour: Rgba, background: Rgba): Uint8Array {
  const { pixels, fill } = canvas(size, background);
  const inner = size - 2 * margin;
  const gap = Math.max(1, Math.round(inner / 16));
  const width = Math.floor((inner - 3 * gap) / 4);
  const bottom = size - margin;
  [0.35, 0.55, 0.75, 1].forEach((share, i) => {
    const x = margin + i * (width + gap);
    fill(x, bottom - Math.round(inner * share), x + width, bottom, colour);
  });
  return pixels;
}

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

export function colorIcon(): Buffer {
  return encodePng(COLOR_ICON_SIZE, COLOR_ICON_SIZE, drawBars(COLOR_ICON_SIZE, 44, WHITE, ACCENT));
}

export function outlineIcon(): Buffer {
  return encodePng(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE, drawBars(OUTLINE_ICON_SIZE, 4, WHITE, TRANSPARENT));
}

import { Resvg } from "@resvg/resvg-js";
import { expect } from "vitest";

/** Width and height from the PNG's IHDR chunk, after checking the 8-byte signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** RGB of one pixel of the SVG rendered at its own size. */
export function pixel(svg: string, x: number, y: number): string {
  const image = new Resvg(svg).render();
  const at = (Math.round(y) * image.width + Math.round(x)) * 4;
  return `#${[...image.pixels.subarray(at, at + 3)].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** Whether every pixel of a rectangle of the SVG (rendered at its own size) is the white background. */
export function blank(svg: string, box: { x: number; y: number; width: number; height: number }): boolean {
  const image = new Resvg(svg).render();
  // Read once: every read of `pixels` copies the whole image out of resvg.
  const pixels = image.pixels;
  for (let y = Math.round(box.y); y < Math.round(box.y + box.height); y++) {
    for (let x = Math.round(box.x); x < Math.round(box.x + box.width); x++) {
      const at = (y * image.width + x) * 4;
      if (pixels[at] !== 255 || pixels[at + 1] !== 255 || pixels[at + 2] !== 255) return false;
    }
  }
  return true;
}

/** Nothing runs off the right: the last 6 units of the chart are background from top to bottom. */
export function rightEdgeIsBlank(svg: string): boolean {
  const [width, height] = [/width="(\d+)"/, /height="(\d+)"/].map((r) => Number(r.exec(svg)?.[1]));
  return blank(svg, { x: (width ?? 0) - 6, y: 0, width: 6, height: height ?? 0 });
}

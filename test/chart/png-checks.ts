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

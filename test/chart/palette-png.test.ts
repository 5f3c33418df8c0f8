import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { historySvg } from "../../src/chart/history-svg.js";
import { svgToPng, svgToPngOffThread } from "../../src/chart/png.js";
import { summarySvg } from "../../src/chart/summary-svg.js";
import { sampleHistory } from "./sample-history.js";
import { LEVEL_NAMES, sampleSummary } from "./sample-summary.js";

/**
 * Charts are served as palette PNGs where that loses nothing: fewer bytes for every phone that shows one and every
 * fetch of a link. What a chat client decodes must be exactly what resvg drew.
 */
const drawn = (svg: string) => new Resvg(svg, { fitTo: { mode: "zoom", value: 2 } }).render();

/** The pixels another PNG decoder (resvg's own, for an embedded image) reads back from `png`. */
function decoded(png: Buffer, width: number, height: number): Buffer {
  const page = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  return new Resvg(page).render().pixels;
}

/** PNG colour type, from the IHDR chunk: 3 is a palette, 6 is RGBA. */
const colourType = (png: Buffer) => png[25];

describe("chart PNGs", () => {
  it("keep a summary chart pixel for pixel in well under half the bytes of an RGBA PNG", () => {
    const svg = summarySvg(sampleSummary, LEVEL_NAMES);
    const image = drawn(svg);
    const png = svgToPng(svg);
    expect(colourType(png)).toBe(3);
    expect(decoded(png, image.width, image.height).equals(image.pixels)).toBe(true);
    expect(png.length).toBeLessThan(image.asPng().length / 2);
  });

  it("stay RGBA when a drawing has more than 256 colours or is not opaque: nothing is ever approximated", () => {
    const gradient = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="20"><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#0af"/></linearGradient></defs><rect width="300" height="20" fill="url(#g)"/><rect width="300" height="10" fill="#f00"/></svg>`;
    const seeThrough = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="20" height="20" fill="#0a0"/></svg>`;
    for (const svg of [gradient, seeThrough]) {
      const image = drawn(svg);
      const png = svgToPng(svg);
      expect(colourType(png)).toBe(6);
      expect(png.equals(image.asPng())).toBe(true);
    }
  });

  it("come out the same from the drawing thread as drawn here", async () => {
    for (const svg of [summarySvg(sampleSummary, LEVEL_NAMES), historySvg(sampleHistory, LEVEL_NAMES)]) {
      expect((await svgToPngOffThread(svg)).equals(svgToPng(svg))).toBe(true);
    }
  });
});

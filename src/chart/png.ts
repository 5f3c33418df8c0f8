import { Resvg, type ResvgRenderOptions, renderAsync } from "@resvg/resvg-js";

/**
 * SVG to PNG with resvg (its binary ships inside the npm package: no system libraries, no browser). Rendered at
 * twice the SVG's size so text stays crisp on high-density screens. The text needs a font on the machine: the
 * Dockerfile installs DejaVu, which is also the first family the chart asks for.
 */
const options = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: "zoom", value: scale },
  font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
});

export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, options(scale)).render().asPng();
}

/**
 * The same PNG, drawn on a libuv worker thread: a chart takes a few hundred milliseconds of CPU, which on the
 * event loop would hold up every Slack ack (and every Redis reply) in the meantime.
 */
export async function svgToPngOffThread(svg: string, scale = 2): Promise<Buffer> {
  return (await renderAsync(svg, options(scale))).asPng();
}

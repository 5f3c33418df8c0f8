import type { Worker } from "node:worker_threads";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { moduleWorker } from "../threads/module-worker.js";
import { palettePng } from "./palette-png.js";

/**
 * SVG to PNG with resvg (its binary ships inside the npm package: no system libraries, no browser). Rendered at
 * twice the SVG's size so text stays crisp on high-density screens, and kept as a palette PNG where the drawing
 * allows (palette-png.ts). The text needs a font on the machine: the Dockerfile installs DejaVu, which is also the
 * first family the chart asks for.
 */
const options = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: "zoom", value: scale },
  font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
});

export function svgToPng(svg: string, scale = 2): Buffer {
  const image = new Resvg(svg, options(scale)).render();
  const palette = palettePng(image.pixels, image.width, image.height);
  return palette ? Buffer.from(palette.buffer, palette.byteOffset, palette.byteLength) : image.asPng();
}

/** What png.ts asks of the drawing thread (drawing-thread.ts), and what the thread answers. */
export interface DrawRequest {
  id: number;
  svg: string;
  scale: number;
}
export interface Drawn {
  id: number;
  png?: Uint8Array;
  error?: string;
}

/**
 * One thread draws (and encodes) every chart of this process, one after another: a chart takes a few hundred
 * milliseconds of CPU, and even resvg's own async render encodes the PNG (~20 ms) back on the event loop, where it
 * would hold up every Slack ack and Redis reply meanwhile. Started on the first chart; it keeps the process alive only while
 * drawing, and a thread that dies is replaced on the next chart (its pending drawings fail).
 */
function createDrawingThread() {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();

  function failAll(thread: Worker, error: Error) {
    if (worker !== thread) return;
    worker = undefined;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start(): Worker {
    const thread = moduleWorker(import.meta.url, "./drawing-thread", undefined);
    thread.on("message", ({ id, png, error }: Drawn) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) thread.unref();
      if (!waiting) return;
      if (png) waiting.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else waiting.reject(new Error(`chart drawing failed: ${error ?? "no picture"}`));
    });
    thread.on("error", (error) => failAll(thread, error));
    thread.on("exit", (code) => failAll(thread, new Error(`chart drawing thread exited (${code})`)));
    return thread;
  }

  return (svg: string, scale: number): Promise<Buffer> => {
    worker ??= start();
    // The thread keeps the process alive only while it has a drawing to deliver.
    worker.ref();
    const id = nextId++;
    const drawn = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
    const request: DrawRequest = { id, svg, scale };
    worker.postMessage(request);
    return drawn;
  };
}

const drawOnThread = createDrawingThread();

/** The same PNG as svgToPng, drawn and encoded on the drawing thread: the event loop only receives the bytes. */
export function svgToPngOffThread(svg: string, scale = 2): Promise<Buffer> {
  return drawOnThread(svg, scale);
}

/** The drawing thread (png.ts starts it): draws and encodes one chart per message, at the lowest CPU priority. */
import { parentPort } from "node:worker_threads";
import { lowerThisThreadPriority } from "../threads/thread-priority.js";
import { type Drawn, type DrawRequest, svgToPng } from "./png.js";

lowerThisThreadPriority();
parentPort?.on("message", ({ id, svg, scale }: DrawRequest) => {
  let drawn: Drawn;
  try {
    drawn = { id, png: svgToPng(svg, scale) };
  } catch (error) {
    drawn = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(drawn);
});

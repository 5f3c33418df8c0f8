import { Worker } from "node:worker_threads";

/**
 * A worker thread running one of our own modules, next to the caller's file: `moduleWorker(import.meta.url,
 * "./drawing-thread", data)`. Built, the caller is a .js file and so is its neighbour. Run from source (tsx, vitest),
 * both are .ts, which a worker cannot load by itself: the main thread's TypeScript loader does not reach worker
 * threads, so the thread first registers tsx (a dev dependency, only ever needed there).
 * The module reads what it was given as `workerData.data`.
 */
export function moduleWorker(callerUrl: string, neighbour: string, data: unknown): Worker {
  const fromSource = callerUrl.endsWith(".ts");
  const entry = new URL(`${neighbour}${fromSource ? ".ts" : ".js"}`, callerUrl).href;
  const tsx = fromSource ? import.meta.resolve("tsx/esm/api") : undefined;
  return new Worker(BOOTSTRAP, { eval: true, workerData: { entry, tsx, data } });
}

/** Plain CommonJS, evaluated in the new thread: the loader if needed, then the module. */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const loader = workerData.tsx ? import(workerData.tsx).then((tsx) => tsx.register()) : Promise.resolve();
loader.then(() => import(workerData.entry));`;

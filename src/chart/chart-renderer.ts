/**
 * Each chart link is drawn once: a link lives in its channel for months and every client that shows the message
 * fetches it (a hundred at once when a busy channel scrolls by), and the link fully determines the picture. PNGs
 * are kept in a bounded in-memory cache keyed by the link's signature, a request for a link being drawn waits for
 * that drawing, and at most `concurrency` drawings run at once (off the event loop), with a short queue; past it,
 * callers get ChartsBusyError (503: image proxies try again).
 */
export interface ChartRenderer {
  /** The PNG for `key`, drawn with `draw` only when neither cached nor being drawn. */
  png(key: string, draw: () => Promise<Buffer>): Promise<Buffer>;
}

export interface ChartRendererOptions {
  /** Drawings at once (each one keeps a core busy for a few hundred milliseconds). */
  concurrency: number;
  /** Drawings waiting for a slot; one more is refused. */
  maxWaiting: number;
  /** Cached PNGs, least recently used dropped first, bounded by count and by total bytes. */
  maxEntries: number;
  maxBytes: number;
}

export const CHART_RENDERING: ChartRendererOptions = {
  concurrency: 1,
  maxWaiting: 16,
  maxEntries: 200,
  maxBytes: 32 * 1024 * 1024,
};

export class ChartsBusyError extends Error {
  readonly code = "charts_busy";
  constructor() {
    super("too many charts being drawn");
  }
}

export function createChartRenderer(options: ChartRendererOptions = CHART_RENDERING): ChartRenderer {
  const cache = new Map<string, Buffer>();
  let cachedBytes = 0;
  const drawing = new Map<string, Promise<Buffer>>();
  let running = 0;
  const waiting: Array<() => void> = [];

  function remember(key: string, png: Buffer): void {
    if (png.length > options.maxBytes) return;
    cache.set(key, png);
    cachedBytes += png.length;
    for (const [oldest, old] of cache) {
      if (cache.size <= options.maxEntries && cachedBytes <= options.maxBytes) break;
      cache.delete(oldest);
      cachedBytes -= old.length;
    }
  }

  async function inTurn(draw: () => Promise<Buffer>): Promise<Buffer> {
    if (running >= options.concurrency) {
      if (waiting.length >= options.maxWaiting) throw new ChartsBusyError();
      await new Promise<void>((start) => waiting.push(start));
    } else {
      running++;
    }
    try {
      return await draw();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  return {
    png(key, draw) {
      const cached = cache.get(key);
      if (cached) {
        // Most recently used goes to the end, so the oldest is the first dropped.
        cache.delete(key);
        cache.set(key, cached);
        return Promise.resolve(cached);
      }
      const pending = drawing.get(key);
      if (pending) return pending;
      const drawn = inTurn(draw).then((png) => {
        remember(key, png);
        return png;
      });
      drawing.set(key, drawn);
      const forget = () => drawing.delete(key);
      drawn.then(forget, forget);
      return drawn;
    },
  };
}

import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SummaryMessage } from "../chat/outbound.js";
import type { Clock, Logger } from "../chat/ports.js";
import { ChartsBusyError, createChartRenderer } from "./chart-renderer.js";
import type { HistoryChartData } from "./history-fit.js";
import { decodeHistory, encodeHistory } from "./history-payload.js";
import { historyAltText, historySvg } from "./history-svg.js";
import { svgToPngOffThread } from "./png.js";
import { decodeSummary, encodeSummary } from "./summary-payload.js";
import { chartAltText, summarySvg } from "./summary-svg.js";

/** Where the app serves chart images (GET), on its own HTTP server. */
export const CHART_PATH = "/charts/summary.png";
export const HISTORY_CHART_PATH = "/charts/history.png";

/**
 * What a chart needs is carried inside its URL. The link is self-contained and signed, so any replica can serve it
 * with no Redis read, nothing is kept per chart, and nobody can draw a chart of their own on our domain.
 */
export interface ChartLinksOptions {
  /** The app's public https address, as Slack's and Teams' image fetchers will reach it. */
  publicUrl: string;
  secret: string;
  /** How long a posted chart keeps loading; chat clients fetch (and cache) images when they show the message. */
  ttlMs: number;
  levelNames: readonly string[];
  clock: Clock;
  logger: Logger;
  /** SVG to PNG; tests wrap the real one to count the drawings. */
  toPng?: (svg: string) => Promise<Buffer>;
}

/**
 * Sends one response per turn of the event loop. A drawing many clients waited for resolves them all at once, and
 * a hundred 100 KB responses written in one go held the loop for 20-30 ms: every ack arriving meanwhile waited.
 * One per turn, the requests that arrived in between (acks) are read between two chart responses.
 */
function createPacer(): (send: () => void) => void {
  const queue: Array<() => void> = [];
  const drain = () => {
    queue.shift()?.();
    if (queue.length > 0) setImmediate(drain);
  };
  return (send) => {
    queue.push(send);
    if (queue.length === 1) setImmediate(drain);
  };
}

/** Chat image proxies back off and come again on 503 with this hint. */
const BUSY_RETRY_AFTER_S = 5;

export interface ChartLinks {
  /** A signed, expiring image URL for this summary, with its text alternative. */
  chartFor(summary: SummaryMessage): { url: string; alt: string };
  /** The same for a team's history. Throws on data the chart cannot draw (see history-payload.ts). */
  historyChartFor(data: HistoryChartData): { url: string; alt: string };
  /** GET handler for CHART_PATH and HISTORY_CHART_PATH. */
  handler(req: IncomingMessage, res: ServerResponse): void;
}

interface ChartKind {
  path: string;
  /**
   * Signed along with the data, so a link signed for one chart is refused at the other's path. The summary's is
   * empty: its links were signed before there was a second chart, and those already posted must keep loading.
   */
  tag: string;
  /** The SVG for a link's decoded JSON; throws if the JSON is not this chart's. */
  draw(json: unknown): string;
}

export function createChartLinks(options: ChartLinksOptions): ChartLinks {
  const base = options.publicUrl.replace(/\/+$/, "");
  const summary: ChartKind = {
    path: CHART_PATH,
    tag: "",
    draw: (json) => summarySvg(decodeSummary(json), options.levelNames),
  };
  const history: ChartKind = {
    path: HISTORY_CHART_PATH,
    // Data (base64url) and expiry (digits) have no ".", so a history link never signs like a summary's "<d>.<e>".
    tag: "history.",
    draw: (json) => historySvg(decodeHistory(json), options.levelNames),
  };
  const sign = (kind: ChartKind, payload: string, expires: string) =>
    createHmac("sha256", options.secret).update(`${kind.tag}${payload}.${expires}`).digest("base64url");

  function link(kind: ChartKind, data: unknown): string {
    const payload = Buffer.from(JSON.stringify(data)).toString("base64url");
    const expires = String(options.clock().getTime() + options.ttlMs);
    const query = new URLSearchParams({ d: payload, e: expires, s: sign(kind, payload, expires) });
    return `${base}${kind.path}?${query}`;
  }

  const renderer = createChartRenderer();
  const paced = createPacer();
  const toPng = options.toPng ?? svgToPngOffThread;

  function reject(res: ServerResponse, status: number, reason: string) {
    options.logger.info({ status, reason }, "chart link refused");
    res.writeHead(status, { "content-type": "text/plain" }).end(reason);
  }

  /** One chart request: its link checked, then its picture (drawn once, see chart-renderer.ts) or a 304. */
  function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://chart");
    const kind = [summary, history].find((k) => k.path === url.pathname);
    if (!kind) return reject(res, 404, "no such chart");
    const query = url.searchParams;
    const [payload, expires, signature] = [query.get("d") ?? "", query.get("e") ?? "", query.get("s") ?? ""];
    const expected = Buffer.from(sign(kind, payload, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reject(res, 403, "bad signature");
    if (!(Number(expires) > options.clock().getTime())) return reject(res, 410, "this chart link has expired");
    const cacheHeaders = {
      // The same link always draws the same picture: clients and proxies may keep it until it expires, and
      // ask again with its tag (304, no drawing, no bytes).
      "cache-control": `public, max-age=${Math.max(0, Math.floor((Number(expires) - options.clock().getTime()) / 1000))}, immutable`,
      etag: `"${signature}"`,
    };
    const known = (req.headers["if-none-match"] ?? "").split(/,\s*/);
    if (known.includes(cacheHeaders.etag) || known.includes("*")) return void res.writeHead(304, cacheHeaders).end();
    renderer
      .png(signature, () => toPng(kind.draw(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")))))
      .then(
        (png) =>
          paced(() => {
            res.writeHead(200, {
              ...cacheHeaders,
              "content-type": "image/png",
              "content-length": String(png.length),
            });
            res.end(png);
          }),
        (error: unknown) => {
          if (error instanceof ChartsBusyError) {
            options.logger.warn({}, "chart refused: too many being drawn");
            res.writeHead(503, { "retry-after": String(BUSY_RETRY_AFTER_S), "content-type": "text/plain" });
            return void res.end("busy, try again shortly");
          }
          // Signed by us yet unreadable: only a change of the schema between releases gets here.
          reject(res, 400, "unreadable chart");
        },
      );
  }

  return {
    chartFor(message) {
      return { url: link(summary, encodeSummary(message)), alt: chartAltText(message) };
    },
    historyChartFor(data) {
      return { url: link(history, encodeHistory(data)), alt: historyAltText(data, options.levelNames) };
    },
    // The checks wait their turn too: a hundred clients fetching one new link arrive within a few milliseconds,
    // and their URLs parsed and signatures checked all at once held the loop for as long.
    handler: (req, res) => paced(() => serve(req, res)),
  };
}

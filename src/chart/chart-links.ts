import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { SummaryMessage } from "../chat/outbound.js";
import type { Clock, Logger } from "../chat/ports.js";
import { svgToPng } from "./png.js";
import { chartAltText, summarySvg } from "./summary-svg.js";

/** Where the app serves chart images (GET), on its own HTTP server. */
export const CHART_PATH = "/charts/summary.png";

/**
 * What a chart needs, carried inside its URL. The link is self-contained and signed, so any replica can serve it
 * with no Redis read, nothing is kept per summary, and nobody can draw a chart of their own on our domain.
 */
const level = z.int().min(0).max(4);
const chartDataSchema = z.object({
  title: z.string().max(200),
  overall: z.object({ level, name: z.string().max(100), previous: level.optional() }),
  profile: z.number().min(0).max(4),
  dimensions: z
    .array(
      z.object({
        name: z.string().max(100),
        level,
        previous: level.optional(),
        target: level.optional(),
        disagreement: z.boolean(),
      }),
    )
    .max(20),
});
type ChartData = z.infer<typeof chartDataSchema>;

export interface ChartLinksOptions {
  /** The app's public https address, as Slack's and Teams' image fetchers will reach it. */
  publicUrl: string;
  secret: string;
  /** How long a posted chart keeps loading; chat clients fetch (and cache) images when they show the message. */
  ttlMs: number;
  levelNames: readonly string[];
  clock: Clock;
  logger: Logger;
}

export interface ChartLinks {
  /** A signed, expiring image URL for this summary, with its text alternative. */
  chartFor(summary: SummaryMessage): { url: string; alt: string };
  /** GET handler for CHART_PATH. */
  handler(req: IncomingMessage, res: ServerResponse): void;
}

function chartData(summary: SummaryMessage): ChartData {
  return {
    title: summary.title,
    overall: summary.overall,
    profile: Math.round(summary.profile * 10) / 10,
    dimensions: summary.dimensions.map((d) => ({
      name: d.name,
      level: d.level,
      ...(d.previous === undefined ? {} : { previous: d.previous }),
      ...(d.target === undefined ? {} : { target: d.target }),
      disagreement: d.disagreement,
    })),
  };
}

/** The chart only reads these fields; the rest of a SummaryMessage is filled with what it does not draw. */
function asSummary(data: ChartData): SummaryMessage {
  return {
    kind: "summary",
    scope: "team",
    ...data,
    dimensions: data.dimensions.map((d, i) => ({ ...d, id: String(i), levelName: "", progress: 0, unresolved: false })),
    nextSteps: [],
    notes: [],
    buttons: [],
  };
}

export function createChartLinks(options: ChartLinksOptions): ChartLinks {
  const base = options.publicUrl.replace(/\/+$/, "");
  const sign = (payload: string, expires: string) =>
    createHmac("sha256", options.secret).update(`${payload}.${expires}`).digest("base64url");

  function reject(res: ServerResponse, status: number, reason: string) {
    options.logger.info({ status, reason }, "chart link refused");
    res.writeHead(status, { "content-type": "text/plain" }).end(reason);
  }

  return {
    chartFor(summary) {
      const payload = Buffer.from(JSON.stringify(chartData(summary))).toString("base64url");
      const expires = String(options.clock().getTime() + options.ttlMs);
      const query = new URLSearchParams({ d: payload, e: expires, s: sign(payload, expires) });
      return { url: `${base}${CHART_PATH}?${query}`, alt: chartAltText(summary) };
    },
    handler(req, res) {
      const query = new URL(req.url ?? "/", "http://chart").searchParams;
      const [payload, expires, signature] = [query.get("d") ?? "", query.get("e") ?? "", query.get("s") ?? ""];
      const expected = Buffer.from(sign(payload, expires));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return reject(res, 403, "bad signature");
      if (!(Number(expires) > options.clock().getTime())) return reject(res, 410, "this chart link has expired");
      let data: ChartData;
      try {
        data = chartDataSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
      } catch {
        // Signed by us yet unreadable: only a change of the schema between releases gets here.
        return reject(res, 400, "unreadable chart");
      }
      const png = svgToPng(summarySvg(asSummary(data), options.levelNames));
      res.writeHead(200, {
        "content-type": "image/png",
        "content-length": String(png.length),
        // The same link always draws the same picture: let chat proxies cache it until it expires.
        "cache-control": `public, max-age=${Math.max(0, Math.floor((Number(expires) - options.clock().getTime()) / 1000))}, immutable`,
      });
      res.end(png);
    },
  };
}

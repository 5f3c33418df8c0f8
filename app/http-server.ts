import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../src/chat/ports.js";
import type { Metrics } from "./metrics.js";
import type { ReadinessReport } from "./readiness.js";
import { createUnfinishedBodies } from "./unfinished-bodies.js";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface HttpServerOptions {
  readiness: () => Promise<ReadinessReport>;
  metrics: Metrics;
  /**
   * The bearer token /metrics asks for on this (public) server; without one, /metrics is not served here (it is
   * on METRICS_PORT, or off). Metrics name routes, load and failures: not for the public.
   */
  metricsToken?: string;
  logger: Logger;
  /** Platform endpoints that are switched on: path -> handler (POST only). */
  routes: Record<string, RequestHandler>;
  /** Read-only endpoints that are switched on (chart images): path -> handler (GET only). */
  getRoutes?: Record<string, RequestHandler>;
  /** What a slow client is allowed; defaults to CLIENT_LIMITS (tests shorten the times). */
  clientLimits?: Partial<ClientLimits>;
  /** Endpoints whose path carries a capability after a prefix (re-check webhooks): prefix -> handler (POST only). */
  prefixRoutes?: Record<string, RequestHandler>;
}

/**
 * Slack and Teams send a request's headers and body in one go, in milliseconds. Node's defaults (300 s for a
 * request, a minute for headers) let any client hold a socket, a parser and a buffer for minutes by trickling
 * bytes; these answer such a client 408 within seconds. Idle keep-alive connections are not affected (below).
 */
export interface ClientLimits {
  /** From a request's first byte to the end of its headers. */
  headersMs: number;
  /** From a request's first byte to the end of its body. */
  requestMs: number;
  /** POSTs from one address whose body is still arriving; the oldest is closed (408) to make room for another. */
  unfinishedBodiesPerAddress: number;
}

export const CLIENT_LIMITS: ClientLimits = { headersMs: 10_000, requestMs: 15_000, unfinishedBodiesPerAddress: 16 };

/**
 * Idle keep-alive connections stay open longer than a load balancer keeps its own (AWS ALB: 60 s by default).
 * With Node's 5 s, the server closes a connection just as the balancer reuses it, and that request fails (a 502
 * there, ECONNRESET for any keep-alive client): measured on the bench under load.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function send(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

/**
 * The app's one HTTP server: platform webhooks plus health, readiness and metrics. Every request gets an id
 * for the logs and a latency observation per route.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const { readiness, metrics, logger, routes, metricsToken } = options;
  const getRoutes = options.getRoutes ?? {};
  const limits = { ...CLIENT_LIMITS, ...options.clientLimits };
  const unfinished = createUnfinishedBodies(limits.unfinishedBodiesPerAddress, (address) =>
    logger.warn({ address }, "request body too slow: closed to make room for the same address's next request"),
  );
  const serverOptions = {
    headersTimeout: limits.headersMs,
    requestTimeout: limits.requestMs,
    // Node checks those limits on this period (default 30 s, which would stretch a 10 s limit to 40).
    connectionsCheckingInterval: Math.min(1000, limits.headersMs),
  };
  const server = createServer(serverOptions, (req, res) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const prefix = Object.keys(options.prefixRoutes ?? {}).find((p) => path.startsWith(p));
    // A prefix route is labelled by its prefix: the rest of the path is a secret, never a metric label.
    const route =
      routes[path] || getRoutes[path]
        ? path
        : prefix
          ? prefix
          : ["/healthz", "/readyz", "/metrics"].includes(path)
            ? path
            : "other";
    const requestId = (req.headers["x-request-id"] as string | undefined) ?? randomUUID();
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ route, method: req.method ?? "", status: String(res.statusCode) }, seconds);
      // Slack gives up at 3 s; anything over 1 s is an early warning worth its own counter.
      if (route === "/slack/events" && seconds > 1) metrics.slowAcks.inc();
      logger.debug({ requestId, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    });

    const handler = routes[path] ?? (prefix ? options.prefixRoutes?.[prefix] : undefined);
    if (handler) {
      if (req.method !== "POST") return send(res, 405, JSON.stringify({ error: "use POST" }));
      unfinished.admit(req, res);
      return handler(req, res);
    }
    if (req.method !== "GET") return send(res, 404, JSON.stringify({ error: "not found" }));
    const getHandler = getRoutes[path];
    if (getHandler) return getHandler(req, res);
    switch (path) {
      case "/healthz":
        return send(res, 200, JSON.stringify({ status: "ok" }));
      case "/readyz":
        readiness().then(
          ({ ready, reasons, platforms }) =>
            send(res, ready ? 200 : 503, JSON.stringify({ status: ready ? "ready" : "not ready", reasons, platforms })),
          (error: unknown) => {
            logger.error({ err: error }, "readiness check failed");
            send(res, 503, JSON.stringify({ status: "not ready", reasons: ["readiness check failed"] }));
          },
        );
        return;
      case "/metrics":
        if (!metricsToken) return send(res, 404, JSON.stringify({ error: "not found" }));
        return serveMetrics(req, res, metrics, logger, metricsToken);
      default:
        return send(res, 404, JSON.stringify({ error: "not found" }));
    }
  });
  // The header and request limits count from a request's first byte, so an idle connection between two requests
  // lives the whole keep-alive window (test/app/slow-clients.test.ts holds one idle past the header limit).
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return server;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Prometheus text; with a token, only for `Authorization: Bearer <token>` (compared in constant time). */
function serveMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics, logger: Logger, token?: string) {
  if (token) {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    if (!timingSafeEqual(digest(given), digest(token))) {
      res.setHeader("www-authenticate", "Bearer");
      return send(res, 401, JSON.stringify({ error: "metrics need Authorization: Bearer <METRICS_TOKEN>" }));
    }
  }
  metrics.scrape().then(
    (text) => send(res, 200, text, metrics.registry.contentType),
    (error: unknown) => {
      logger.error({ err: error }, "metrics failed");
      send(res, 500, "");
    },
  );
}

/** METRICS_PORT: /metrics alone on a port of its own, for the scraper on the private network. */
export function createMetricsServer(options: { metrics: Metrics; logger: Logger; token?: string }): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") return send(res, 404, JSON.stringify({ error: "not found" }));
    serveMetrics(req, res, options.metrics, options.logger, options.token);
  });
}

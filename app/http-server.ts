import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../src/chat/ports.js";
import type { Metrics } from "./metrics.js";
import type { ReadinessReport } from "./readiness.js";

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
}

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
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route =
      routes[path] || getRoutes[path] ? path : ["/healthz", "/readyz", "/metrics"].includes(path) ? path : "other";
    const requestId = (req.headers["x-request-id"] as string | undefined) ?? randomUUID();
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ route, method: req.method ?? "", status: String(res.statusCode) }, seconds);
      // Slack gives up at 3 s; anything over 1 s is an early warning worth its own counter.
      if (route === "/slack/events" && seconds > 1) metrics.slowAcks.inc();
      logger.debug({ requestId, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    });

    const handler = routes[path];
    if (handler) {
      if (req.method !== "POST") return send(res, 405, JSON.stringify({ error: "use POST" }));
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
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // A connection waiting for its next request's headers must not be cut before the keep-alive window ends.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
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
  metrics.registry.metrics().then(
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

import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Prometheus metrics; one registry per app instance so tests and several apps in one process stay apart. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request latency by route and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    slowAcks: new Counter({
      name: "slack_acks_slower_than_1s_total",
      help: "Slack requests acknowledged after more than one second (Slack gives up at three)",
      registers: [registry],
    }),
    assessments: new Counter({
      name: "assessments_total",
      help: "Assessments started and completed",
      labelNames: ["event", "platform"],
      registers: [registry],
    }),
    nudges: new Counter({
      name: "nudges_total",
      help: "Reminders sent and failed",
      labelNames: ["outcome", "kind"],
      registers: [registry],
    }),
    refusals: new Counter({
      name: "requests_refused_total",
      help: "Requests that did not happen for a reason the person was told (refused, invalid, expired, closed), by code",
      labelNames: ["code", "platform"],
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: "store_errors_total",
      help: "Requests that failed because Redis was unavailable",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

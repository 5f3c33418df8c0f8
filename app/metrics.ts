import { AggregatorRegistry, Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** A registry's metrics as data, the form in which another thread hands over its own. */
export type MetricsData = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>;

/**
 * Prometheus metrics; one registry per app instance so tests and several apps in one process stay apart. A thread
 * of the app's (the chart thread) keeps a registry of its own without the process-wide defaults, which the main
 * thread's already count; every scrape adds in what such threads report (`include`), summed by name and labels.
 */
export function createMetrics(options: { processDefaults: boolean } = { processDefaults: true }) {
  const registry = new Registry();
  if (options.processDefaults) collectDefaultMetrics({ register: registry });
  const threads = new Set<() => Promise<MetricsData>>();
  return {
    registry,
    /** Adds another thread's metrics to every scrape from now on. */
    include(thread: () => Promise<MetricsData>): void {
      threads.add(thread);
    },
    /** The text a scrape gets: this registry, plus what the included threads report. */
    async scrape(): Promise<string> {
      if (threads.size === 0) return registry.metrics();
      const reports = await Promise.all([registry.getMetricsAsJSON(), ...[...threads].map((report) => report())]);
      return AggregatorRegistry.aggregate(reports).metrics();
    },
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

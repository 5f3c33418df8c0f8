import type { FlowEvents } from "../flows/events.js";
import type { Metrics } from "./metrics.js";

/**
 * The flows' events as Prometheus counters: assessments started and completed per platform, requests refused by
 * code, storage outages.
 */
export function flowMetrics(metrics: Metrics): FlowEvents {
  return (event) => {
    switch (event.type) {
      case "assessment-started":
        return metrics.assessments.inc({ event: "started", platform: event.platform });
      case "assessment-completed":
        return metrics.assessments.inc({ event: "completed", platform: event.platform });
      case "request-refused":
        return metrics.refusals.inc({ code: event.code, platform: event.platform });
      case "request-failed":
        if (event.code === "store_unavailable") metrics.storeErrors.inc();
        return;
    }
  };
}

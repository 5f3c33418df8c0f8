import type { ModelInput } from "../model-schema.js";

/**
 * Dependency order for next steps (research/maturity-anchors.md §8.5): each stage needs the ones before it, e.g. a
 * registry needs versioned code, gated CD needs CI, automatic retraining needs monitoring. Governance and reuse at
 * scale come last because they build on all of it.
 */
export const stages: ModelInput["stages"] = [
  "foundations",
  "version-control",
  "tracking",
  "pipelines",
  "ci",
  "gated-cd",
  "monitoring",
  "retraining",
  "governance",
  "scale",
];

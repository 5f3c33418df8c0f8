import type { ModelInput } from "../model-schema.js";

/**
 * Dependency order for next steps (research/maturity-anchors.md §8.5): each stage needs the ones before it. Version
 * control comes first, so a team starting out is told to put its code in Git before anything else; then repeatable
 * runs and data pipelines, tracking and the registry, pipelines, CI, gated CD, monitoring and automatic retraining.
 * People practices sit where the seeds need them (joint pipelines with pipelines); governance and reuse come last.
 */
export const stages: ModelInput["stages"] = [
  "version-control",
  "repeatable-runs",
  "tracking",
  "pipelines",
  "ci",
  "gated-cd",
  "monitoring",
  "retraining",
  "governance",
  "scale",
];

import type { ModelInput } from "../model-schema.js";

/**
 * Levels named after the seeds (Azure-style 0-4), cross-walked to Google's and AWS's stages and to the 4-level
 * roadmap of seed 002 (research/maturity-anchors.md §8.1). Google's "manual process" and seed 002's level 1 cover
 * both our level 0 and level 1: they only start to differ once code is in version control.
 */
export const levels: ModelInput["levels"] = [
  {
    level: 0,
    name: "No MLOps",
    summary: "Manual everything: data prepared by hand, no tracking, painful manual releases, teams in silos.",
    alsoKnownAs: [
      "Azure level 0: No MLOps",
      "Google level 0: Manual process",
      "AWS: before Initial",
      "Seed 002 level 1: Manual Process",
    ],
  },
  {
    level: 1,
    name: "DevOps, no MLOps",
    summary:
      "Repeatable foundations: code in version control, automated data pipelines and app releases; models still hand-made.",
    alsoKnownAs: [
      "Azure level 1: DevOps but no MLOps",
      "Google level 0: Manual process, with code in version control",
      "AWS: Initial",
      "Seed 002 level 1: Manual Process",
      "Link Redglue level 1 (seed 000): DataOps, no MLOps",
    ],
  },
  {
    level: 2,
    name: "Automated training",
    summary:
      "Managed, reproducible training: automated pipelines, experiment tracking and a model registry; releases still manual.",
    alsoKnownAs: [
      "Azure level 2: Automated training",
      "Google level 1: ML pipeline automation",
      "AWS: Repeatable",
      "Seed 002 level 2: ML Pipeline Automation",
    ],
  },
  {
    level: 3,
    name: "Automated model deployment",
    summary:
      "Models released by CI/CD with tests, approvals and rollback; traceable from deployment back to data; monitored.",
    alsoKnownAs: [
      "Azure level 3: Automated model deployment",
      "Google level 2: CI/CD pipeline automation",
      "AWS: Reliable",
      "Seed 002 level 3: Continuous Integration/Delivery",
    ],
  },
  {
    level: 4,
    name: "Full MLOps automated operations",
    summary:
      "The whole system automated and monitored: retraining triggered by production metrics, zero-downtime rollouts, reuse across teams.",
    alsoKnownAs: [
      "Azure level 4: Full MLOps automated operations",
      "Google level 2: CI/CD pipeline automation, with retraining triggered by production metrics",
      "AWS: Scalable",
      "Seed 002 level 4: Full Automation & Monitoring",
    ],
  },
];

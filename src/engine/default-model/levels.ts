import type { ModelInput } from "../model-schema.js";

/** Levels named after the seeds (Azure-style 0-4), cross-walked to Google's, AWS's and seed 002's stages. */
export const levels: ModelInput["levels"] = [
  {
    level: 0,
    name: "No MLOps",
    summary: "Manual everything: data prepared by hand, no tracking, painful manual releases, siloed teams.",
    alsoKnownAs: ["Azure level 0: No MLOps", "Google level 0: Manual process", "AWS: before Initial"],
  },
  {
    level: 1,
    name: "DevOps, no MLOps",
    summary:
      "Repeatable foundations: code in version control, automated data pipelines and app releases; models still hand-made.",
    alsoKnownAs: [
      "Azure level 1: DevOps but no MLOps",
      "AWS: Initial",
      "Seed 002 level 1: Manual process",
      "Link Redglue level 1: DataOps, no MLOps",
    ],
  },
  {
    level: 2,
    name: "Automated training",
    summary:
      "Managed, reproducible training: pipelines, experiment tracking and a model registry; releases still manual.",
    alsoKnownAs: [
      "Azure level 2: Automated training",
      "Google level 1: ML pipeline automation",
      "AWS: Repeatable",
      "Seed 002 level 2: ML pipeline automation",
    ],
  },
  {
    level: 3,
    name: "Automated model deployment",
    summary:
      "Models released by CI/CD with tests, approval gates and rollback; traceable from deployment back to data; monitored.",
    alsoKnownAs: [
      "Azure level 3: Automated model deployment",
      "Google level 2: CI/CD pipeline automation",
      "AWS: Reliable",
      "Seed 002 level 3: Continuous integration/delivery",
    ],
  },
  {
    level: 4,
    name: "Full MLOps automated operations",
    summary:
      "The whole system automated and monitored: retraining triggered by production metrics, zero-downtime rollouts, reuse across teams.",
    alsoKnownAs: [
      "Azure level 4: Full MLOps automated operations",
      "AWS: Scalable",
      "Seed 002 level 4: Full automation & monitoring",
    ],
  },
];

/** Dependency order for next steps: foundations first, automatic retraining and scale last. */
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

export const context: ModelInput["context"] = {
  prompt: "How do your models serve predictions? (Practices that do not apply to you are not asked.)",
  options: [
    { label: "Batch jobs only", applies: ["all", "batch"] },
    { label: "Online / real-time only", applies: ["all", "online"] },
    { label: "Both batch and online", applies: ["all", "batch", "online"] },
    { label: "LLM / GenAI features (with or without classic models)", applies: ["all", "batch", "online", "llm"] },
  ],
};

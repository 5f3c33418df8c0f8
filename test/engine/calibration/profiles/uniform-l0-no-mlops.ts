import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "uniform-l0-no-mlops",
  name: "Uniform L0: no MLOps",
  description:
    "We're two data scientists sitting in the analytics group, siloed away from the rest of the org, and the " +
    "software team that puts our models into the product is siloed away from us; data engineers are a separate " +
    "group again. When we need data we gather it by hand: exports, queries we run ourselves, CSVs on a laptop. " +
    "Training runs on whatever machine is free; nobody manages compute. We don't track experiments and nothing " +
    "about the model is in version control: what comes out is a single model file. The scoring or validation " +
    "script gets written after the experiments are done and lives in someone's home folder, not in Git. Training " +
    "and testing of the model are manual; one person eyeballs the numbers. Releasing is a manual process every " +
    "time, and honestly difficult and painful: one person (usually me) handles it, copies the file over, and the " +
    "app developers need me there to wire it in. There's no centralized tool for tracking models and we collect no " +
    "metrics once a model is live. We have no approvals, sign-offs or access rules for models beyond whatever the " +
    "servers happen to have. Managing the lifecycle of any model is close to impossible.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L0 row (lines 12-26): 'Difficult to impossible to manage ML lifecycle', " +
      "'Releases are difficult and painful', 'Teams organized around skillset with silos', 'Data it's manually " +
      "prepared', 'No tracking', 'Manual everything', 'Manual builds and deployments', 'Manual training and testing " +
      "of the models', 'No centralized tool for model tracking'",
    "seeds/003_b1c68a754a18ffce.txt Level 0 (lines 20-39): People siloed from org and from software teams; 'Data " +
      "is gathered manually', 'Compute is not managed', 'Experiments are not tracked', 'single model file'; " +
      "'Scoring/Validation script created after experiments, not part of version control', 'Process handled by one " +
      "person'; 'Manual release each time', 'Needs data person to assist with deployment'",
    "seeds/003_b1c68a754a18ffce.txt summary line 12: 'No metrics, No Version control, All of the Steps are done " +
      "manually' (monitoring-feedback L0)",
    "governance-compliance: no seed describes governance at level 0; seed 004 (lines 37-41) treats access limits, " +
      "audit logs and sign-offs as marks of maturity and seed 001 (line 13) lists governance as a later step, so L0 " +
      "= none of them",
  ],
  expected: {
    overall: 0,
    dimensions: {
      "team-ownership": 0,
      "data-features": 0,
      reproducibility: 0,
      "training-automation": 0,
      "testing-quality": 0,
      "deployment-release": 0,
      "monitoring-feedback": 0,
      "governance-compliance": 0,
    },
  },
  quick: {
    "q-team-ownership": "0",
    "q-data-features": "0",
    "q-reproducibility": "0",
    "q-training-automation": "0",
    "q-testing-quality": "0",
    "q-deployment-release": "0",
    "q-monitoring-feedback": "0",
    "q-governance-compliance": "0",
  },
  deep: {
    "manual-performance-feedback": "no",
    "one-team-to-production-metrics": "no",
    "model-integration-smoke-test": "no",
    "experiment-tracking": "no",
    "scoring-code-tests": "no",
    "automated-app-release": "no",
    "cd-model-release": "no",
    "training-reads-pipeline-data": "no",
    "live-version-comparison": "no",
    "managed-data-platform": "no",
    "metric-triggered-retraining": "no",
    "central-model-monitoring": "no",
    "application-code-versioned": "fully",
    "controlled-release-path": "no",
    "production-model-lineage": "no",
    "data-software-together": "no",
    "data-pipeline-deployed-with-model": "no",
    "release-approvals": "no",
    "automated-compliance-checks": "no",
    "automatic-lineage": "no",
    "automated-training-pipeline": "no",
    "model-version-records": "no",
    "training-script": "no",
    "app-test-and-prod-environments": "no",
    "cross-team-planning": "no",
    "shared-feature-store": "no",
    "knowledge-sharing": "no",
    "model-registry": "no",
    "automated-data-gathering": "no",
    "automated-data-preparation": "no",
    "basic-model-metrics": "no",
    "ds-de-joint-pipelines": "no",
    "service-monitoring": "no",
    "zero-downtime-rollout": "no",
    "training-feeds-release": "no",
    "fully-automated-model-testing": "no",
    "data-privacy-rules": "no",
    "app-unit-tests": "no",
    "data-pipeline-code-versioned": "no",
    "release-integration-tests": "no",
  },
  firstStep: "data-pipeline-code-versioned",
};

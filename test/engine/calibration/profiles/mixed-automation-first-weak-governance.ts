import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "mixed-automation-first-weak-governance",
  name: "Mixed: automation-first startup, weak governance",
  description:
    "We're a small startup team and we went straight for automation. Data scientists, data engineers and software " +
    "engineers work together on one pipeline. Data is gathered automatically and the data pipelines are deployed " +
    "together with the models, so nothing is recoded for production; we have no feature store. Code and trained " +
    "models are version controlled in the registry and experiments are tracked. Retraining is triggered " +
    "automatically when production metrics drop below a threshold or the weekly drift check fires, and the " +
    "retrained model goes through unit and integration tests in CI and is released by the same CI/CD pipeline as " +
    "the app, through dev, test and prod; a release restarts the service for a few seconds. We have centralized " +
    "performance metrics for every deployed model, pipeline, data and service monitoring with alerts, and feedback " +
    "labels from production flow back into training. Where we're weak is governance: everyone on the team has " +
    "admin access to production, there are no audit logs beyond what the cloud console keeps, nobody outside the " +
    "team approves or signs off a model, and we've done only the basics on privacy (personal data is " +
    "pseudonymised, cloud access needs SSO).",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L4 row (lines 80-94): 'Retraining triggered automatically', 'Feedback from " +
      "production models', 'Centralized performance metrics of the deployed model' (training-automation 4, " +
      "monitoring-feedback 4)",
    "seeds/003_b1c68a754a18ffce.txt Level 4 line 110 'Retraining is triggered automatically based on production " +
      "metrics'; Level 3 (lines 82-98) for team, release by CI/CD, unit and integration tests per release",
    "seeds/002_74bed040202da71c.txt Level 4 lines 43-53: performance threshold with alerts, weekly data drift",
    "seeds/004_89b0828ec1e0966b.txt lines 19-21 (deploy data pipelines with models, Dev-Test-Prod; data-features " +
      "3, no feature store from seed 000 line 109) and lines 25-27 (pipeline, data, infrastructure, service " +
      "monitoring)",
    "deployment-release 3 not 4: no zero downtime (seed 003 line 16, seed 004 line 35); testing-quality 3 not 4: " +
      "no load testing or broad automated testing (seed 004 line 33, seed 000 L4)",
    "governance-compliance 1: none of seed 004 lines 39-41 (limited access, audit logs, sign-offs) is in place; " +
      "seeds silent at L1, so only basic privacy and access hygiene",
  ],
  expected: {
    overall: 2,
    dimensions: {
      "team-ownership": 4,
      "data-features": 3,
      reproducibility: 3,
      "training-automation": 4,
      "testing-quality": 3,
      "deployment-release": 3,
      "monitoring-feedback": 4,
      "governance-compliance": 2,
    },
  },
  quick: {
    "q-team-ownership": "4",
    "q-data-features": "3",
    "q-reproducibility": "3",
    "q-training-automation": "4",
    "q-testing-quality": "3",
    "q-deployment-release": "3",
    "q-monitoring-feedback": "4",
    "q-governance-compliance": "2",
  },
  deep: {
    "manual-performance-feedback": "fully",
    "one-team-to-production-metrics": "fully",
    "model-integration-smoke-test": "fully",
    "experiment-tracking": "fully",
    "scoring-code-tests": "fully",
    "automated-app-release": "fully",
    "cd-model-release": "fully",
    "training-reads-pipeline-data": "fully",
    "live-version-comparison": "no",
    "managed-data-platform": "fully",
    "metric-triggered-retraining": "fully",
    "central-model-monitoring": "fully",
    "application-code-versioned": "fully",
    "controlled-release-path": "partly",
    "production-model-lineage": "fully",
    "data-software-together": "fully",
    "data-pipeline-deployed-with-model": "fully",
    "release-approvals": "no",
    "automated-compliance-checks": "no",
    "automatic-lineage": "partly",
    "automated-training-pipeline": "fully",
    "model-version-records": "fully",
    "training-script": "fully",
    "app-test-and-prod-environments": "fully",
    "cross-team-planning": "fully",
    "shared-feature-store": "no",
    "knowledge-sharing": "partly",
    "model-registry": "fully",
    "automated-data-gathering": "fully",
    "automated-data-preparation": "fully",
    "basic-model-metrics": "fully",
    "ds-de-joint-pipelines": "fully",
    "service-monitoring": "fully",
    "zero-downtime-rollout": "no",
    "training-feeds-release": "fully",
    "fully-automated-model-testing": "partly",
    "data-privacy-rules": "fully",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "fully",
  },
  firstStep: "live-version-comparison",
  corrections: [
    'team-ownership 3 -> 4: "one team, one pipeline" up to production metrics; both modes answered level 4',
    "governance-compliance 1 -> 2 (overall 1 -> 2): releases go through CI/CD and the registry records who trained every version; the missing sign-offs and audit of people are level 3 and up; both modes answered so",
  ],
  disputes: [
    {
      mode: "deep",
      dimension: "monitoring-feedback",
      got: 2,
      why: 'no A/B or canary comparison of versions (seed 003 level 3 "A/B metrics"), though central drift and performance monitoring (level 4) is fully in place; levels are cumulative, so deep mode stops at 2 while the quick ladder reads 4',
    },
  ],
};

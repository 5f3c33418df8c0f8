import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "mixed-seed000-l3-sweet-spot",
  name: "Mixed: seed 000 L3 sweet spot (automated release, manual model testing)",
  description:
    "We're what Link Redglue calls the sweet spot: our models are stable and we don't need automatic retraining. " +
    "Data scientists work with data engineers to convert experimentation into pipelines, and training is " +
    "automated; we just trigger it ourselves a few times a year. Code and trained models are version controlled, " +
    "experiments are tracked and the model registry manages every version. Releases are automated and faster: " +
    "CI/CD release pipelines promote a registered model to production, and we have a release management policy " +
    "with a sign-off before production. Testing of the models is manual, though: a data scientist reviews the " +
    "candidate's test performance against the current model and signs it off; CI runs the scoring code's unit and " +
    "integration tests but no automated model-quality checks. Data pipelines gather and prepare data " +
    "automatically; no feature store. After release we only have basic metrics: offline evaluation results and " +
    "prediction logs, no dashboards or alerts on model performance in production and no drift monitoring. The data " +
    "and software teams work together on releases.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L3 row (lines 62-78): automated releases, CI/CD release pipelines, release " +
      "management policy, experimentation converted into pipelines, automated training, 'Manual testing of the " +
      "models', 'Possible model test performance'; line 102: 'Level 3 is the sweet spot ... where automatic " +
      "retraining is not necessary'",
    "seeds/003_b1c68a754a18ffce.txt Level 3 (lines 82-98): data team and software team work together; release by " +
      "CI/CD; scoring script tested and versioned",
    "testing-quality 3: seed 000 places manual model testing at L3 while seed 003 L3 has unit and integration " +
      "tests per release; both are true of this team, so 3 per the seeds (a disagreement here is a seed-vs-engine " +
      "finding)",
    "data-features 2: seeds 000 L2/L3 say only 'data pipelines gather data and prepare it automatically'; the " +
      "feature store is L4 (seed 000 line 109), and seed 004's joint deployment of data pipelines is not claimed, so " +
      "2",
    "monitoring-feedback 2: seed 000 L3 says only 'possible model test performance'; seed 003 L2 'Basic Metrics' " +
      "fits; A/B metrics (seed 003 L3) and production feedback (seed 000 L4) absent",
    "governance-compliance 3: seed 000 L3 'Release management policy in place' and seed 004 line 41 sign-offs",
  ],
  expected: {
    overall: 2,
    dimensions: {
      "team-ownership": 3,
      "data-features": 2,
      reproducibility: 3,
      "training-automation": 3,
      "testing-quality": 3,
      "deployment-release": 3,
      "monitoring-feedback": 2,
      "governance-compliance": 3,
    },
  },
  quick: {
    "q-team-ownership": "3",
    "q-data-features": "2",
    "q-reproducibility": "3",
    "q-training-automation": "3",
    "q-testing-quality": "3",
    "q-deployment-release": "3",
    "q-monitoring-feedback": "2",
    "q-governance-compliance": "3",
  },
  deep: {
    "manual-performance-feedback": "partly",
    "one-team-to-production-metrics": "partly",
    "model-integration-smoke-test": "fully",
    "experiment-tracking": "fully",
    "scoring-code-tests": "fully",
    "automated-app-release": "fully",
    "cd-model-release": "fully",
    "training-reads-pipeline-data": "fully",
    "live-version-comparison": "no",
    "managed-data-platform": "fully",
    "metric-triggered-retraining": "no",
    "central-model-monitoring": "no",
    "application-code-versioned": "fully",
    "controlled-release-path": "fully",
    "production-model-lineage": "fully",
    "data-software-together": "fully",
    "data-pipeline-deployed-with-model": "no",
    "release-approvals": "fully",
    "automated-compliance-checks": "no",
    "automatic-lineage": "partly",
    "automated-training-pipeline": "fully",
    "model-version-records": "fully",
    "training-script": "fully",
    "app-test-and-prod-environments": "no",
    "cross-team-planning": "fully",
    "shared-feature-store": "no",
    "knowledge-sharing": "partly",
    "model-registry": "fully",
    "automated-data-gathering": "fully",
    "automated-data-preparation": "fully",
    "basic-model-metrics": "partly",
    "ds-de-joint-pipelines": "fully",
    "service-monitoring": "partly",
    "zero-downtime-rollout": "no",
    "training-feeds-release": "fully",
    "fully-automated-model-testing": "no",
    "data-privacy-rules": "partly",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "fully",
  },
  firstStep: "basic-model-metrics",
  disputes: [
    {
      mode: "deep",
      dimension: "monitoring-feedback",
      got: 1,
      why: 'offline evaluation and prediction logs, but no metric of the model in production (answered "partly"); the quick ladder reads option 2 generously',
    },
  ],
};

import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "uniform-l3-automated-deployment",
  name: "Uniform L3: automated model deployment",
  description:
    "The data team and the software team work together now, and there's a release management policy in place. Data " +
    "scientists and data engineers convert experimentation into pipelines: training is automated on managed " +
    "compute, experiments are tracked, code and trained models are version controlled and the model registry " +
    "manages every version. We don't retrain automatically; we decide when. Model release is handled by the CI/CD " +
    "pipeline, so releases are automated and faster, moving through separate dev, test and prod environments, and " +
    "the data pipelines are deployed together with the model so nothing gets recoded for production. The scoring " +
    "script is version controlled and tested, every model release gets unit and integration tests in CI (a " +
    "model-test stage on master), and the application code has unit and integration tests too. We're much less " +
    "reliant on the data team for implementation. In production we run A/B metrics on new models, and pipelines " +
    "and services are monitored with alerts; data-drift monitoring isn't set up yet. Approvals and sign-offs are " +
    "part of the release policy. What we don't have: automatic retraining, a feature store, or centralized " +
    "production metrics feeding back into training.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L3 row (lines 62-78): 'Releases are automated and faster', 'CI/CD releases " +
      "pipelines', 'Data scientists working with data engineers to convert experimentation into pipelines', 'Release " +
      "management policy in place', 'Automated releases', 'Code and trained models are version controlled', " +
      "'Automated model training', 'Model registry tracking and management'; line 102: L3 sweet spot without " +
      "automatic retraining",
    "seeds/003_b1c68a754a18ffce.txt summary line 15: 'A/B Metrics, VC, CI/CD for app and model'; Level 3 (lines " +
      "82-98): data and software teams work together; model creation same as previous level; automatic release by " +
      "CI/CD; scoring script tested and versioned; unit and integration tests for each model release; less reliant " +
      "on data team; app code has unit/integration tests",
    "seeds/002_74bed040202da71c.txt Level 3 (lines 17, 32-40): CI/CD integration, model tests in a CI stage on master",
    "seeds/004_89b0828ec1e0966b.txt lines 19-21 (deploy data pipelines with models, no recoding, Dev-Test-Prod) " +
      "and line 41 (approvals and sign-offs)",
    "seeds/001_7f6bfb2b07322a62.txt lines 11-12: CI/CD and monitoring and alerting",
    "monitoring-feedback: seeds put drift detection at L4 (seed 002 lines 41-53) and A/B metrics at L3 (seed 003 " +
      "line 15), so drift monitoring is deliberately absent here",
    "governance-compliance: seed 000 L3 'Release management policy in place' plus seed 004 sign-offs; continuous " +
      "compliance (seed 002 L4 'governance') absent",
  ],
  expected: {
    overall: 3,
    dimensions: {
      "team-ownership": 3,
      "data-features": 3,
      reproducibility: 3,
      "training-automation": 3,
      "testing-quality": 3,
      "deployment-release": 3,
      "monitoring-feedback": 3,
      "governance-compliance": 3,
    },
  },
  quick: {
    "q-team-ownership": "3",
    "q-data-features": "3",
    "q-reproducibility": "3",
    "q-training-automation": "3",
    "q-testing-quality": "3",
    "q-deployment-release": "3",
    "q-monitoring-feedback": "3",
    "q-governance-compliance": "3",
  },
  deep: {
    "manual-performance-feedback": "fully",
    "one-team-to-production-metrics": "partly",
    "model-integration-smoke-test": "fully",
    "experiment-tracking": "fully",
    "scoring-code-tests": "fully",
    "automated-app-release": "fully",
    "cd-model-release": "fully",
    "training-reads-pipeline-data": "fully",
    "live-version-comparison": "fully",
    "managed-data-platform": "fully",
    "metric-triggered-retraining": "no",
    "central-model-monitoring": "partly",
    "application-code-versioned": "fully",
    "controlled-release-path": "fully",
    "production-model-lineage": "fully",
    "data-software-together": "fully",
    "data-pipeline-deployed-with-model": "fully",
    "release-approvals": "fully",
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
    "zero-downtime-rollout": "partly",
    "training-feeds-release": "fully",
    "fully-automated-model-testing": "partly",
    "data-privacy-rules": "partly",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "fully",
  },
  firstStep: "fully-automated-model-testing",
};

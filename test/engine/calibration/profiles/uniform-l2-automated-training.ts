import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "uniform-l2-automated-training",
  name: "Uniform L2: automated training",
  description:
    "Our data scientists now work with the data engineers to convert experiments into repeatable job scripts, so " +
    "training is automated: a pipeline (MLflow/Kubeflow style) runs data preparation and then training on a fully " +
    "managed training environment, and we start it on a schedule or on demand. Data pipelines gather and prepare " +
    "the data automatically into our data lake. Experiment results are tracked, both the training code and the " +
    "resulting models are version controlled, and we have a model registry, so it's easy to reproduce a model. CI " +
    "runs on the model code; the scoring script is version controlled and tested, and the application code has " +
    "unit tests plus basic integration tests for the model. Testing the model itself is manual: someone looks at " +
    "the metrics before we hand it over. Releases are still manual: the software team manages the release of a " +
    "registered model, but they're heavily reliant on our expertise and the software engineers are still siloed " +
    "away from the data team. In production we collect basic metrics on the model, nothing more. On governance, " +
    "the registry tells us which model version came from which code; sign-offs are an informal chat.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L2 row (lines 46-60): 'Training environment is fully managed', 'Easy to " +
      "reproduce the model', 'Releases still manual', 'Data scientists working with data engineers to convert " +
      "experimentation into job scripts', 'Data pipelines gather data and prepare it automatically', 'Code and " +
      "trained models are version controlled (experiments are tracked)', 'Automated model training', 'Manual testing " +
      "of the models', 'Model registry tracking and management'",
    "seeds/003_b1c68a754a18ffce.txt summary line 14: 'Basic Metrics, VC, and CI/CD app, CI for the model. Model " +
      "releases are manual'; Automated Training (lines 59-80): data people convert experiments into scripts, " +
      "software engineers still siloed; data gathered automatically, compute managed, experiments tracked, code and " +
      "models versioned; manual release managed by the software team; scoring script versioned and tested; basic " +
      "integration tests; heavily reliant on data person; app code has unit tests",
    "seeds/002_74bed040202da71c.txt Level 2 (lines 16, 23-31): automated pipeline with data-preparation and " +
      "train-model steps",
    "seeds/001_7f6bfb2b07322a62.txt line 9: data warehousing and data lakes (data management step)",
    "governance-compliance: seeds silent at L2; neighbours (L1 nothing ML-specific, L3 release management policy " +
      "in seed 000) imply traceability from the registry but no formal approval process",
  ],
  expected: {
    overall: 2,
    dimensions: {
      "team-ownership": 2,
      "data-features": 2,
      reproducibility: 2,
      "training-automation": 2,
      "testing-quality": 2,
      "deployment-release": 2,
      "monitoring-feedback": 2,
      "governance-compliance": 2,
    },
  },
  quick: {
    "q-team-ownership": "2",
    "q-data-features": "2",
    "q-reproducibility": "2",
    "q-training-automation": "2",
    "q-testing-quality": "2",
    "q-deployment-release": "2",
    "q-monitoring-feedback": "2",
    "q-governance-compliance": "2",
  },
  deep: {
    "manual-performance-feedback": "fully",
    "one-team-to-production-metrics": "no",
    "model-integration-smoke-test": "fully",
    "experiment-tracking": "fully",
    "scoring-code-tests": "fully",
    "automated-app-release": "fully",
    "cd-model-release": "no",
    "training-reads-pipeline-data": "fully",
    "live-version-comparison": "no",
    "managed-data-platform": "fully",
    "metric-triggered-retraining": "no",
    "central-model-monitoring": "no",
    "application-code-versioned": "fully",
    "controlled-release-path": "partly",
    "production-model-lineage": "partly",
    "data-software-together": "no",
    "data-pipeline-deployed-with-model": "no",
    "release-approvals": "no",
    "automated-compliance-checks": "no",
    "automatic-lineage": "partly",
    "automated-training-pipeline": "fully",
    "model-version-records": "fully",
    "training-script": "fully",
    "app-test-and-prod-environments": "no",
    "cross-team-planning": "partly",
    "shared-feature-store": "no",
    "knowledge-sharing": "partly",
    "model-registry": "fully",
    "automated-data-gathering": "fully",
    "automated-data-preparation": "fully",
    "basic-model-metrics": "fully",
    "ds-de-joint-pipelines": "fully",
    "service-monitoring": "fully",
    "zero-downtime-rollout": "no",
    "training-feeds-release": "no",
    "fully-automated-model-testing": "no",
    "data-privacy-rules": "partly",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "partly",
  },
  firstStep: "production-model-lineage",
};

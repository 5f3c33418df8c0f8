import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "mixed-strong-data-no-monitoring",
  name: "Mixed: strong data and reproducibility, no monitoring",
  description:
    "Our strength is data. The data engineers run pipelines that gather and prepare data automatically into a lake " +
    "and a warehouse, we have a feature store that both training and serving read from, and data, models and " +
    "environments are all version controlled, so we can reproduce any model and trace it to its code, data " +
    "snapshot and environment. Data scientists work with the data engineers to turn experiments into job scripts; " +
    "training runs as an automated pipeline on managed compute, but we start it by hand when we think it's time. " +
    "Experiments are tracked and the registry holds every model. The scoring script is version controlled with " +
    "unit tests; checking the model's quality is manual. Releases are manual too: the software team picks a model " +
    "from the registry and ships it, and they're siloed from us. And then... nothing. Once a model is in " +
    "production we have no metrics on it: no performance tracking, no drift checks, no feedback from production, " +
    "and we'd hear about a broken model from a customer. Governance is basic: access to the data platform is " +
    "controlled, but there's nothing model-specific.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt lines 107-109 (feature store at L4) and L2 row lines 46-60 (data pipelines, " +
      "job scripts, automated training, manual testing, registry, 'Releases still manual')",
    "seeds/002_74bed040202da71c.txt Level 4 line 42: 'version control of data, models, and environments' " +
      "(data-features and reproducibility); compute tracking from seed 003 L4 absent and releases untraced, so " +
      "reproducibility is set at 3, not 4",
    "seeds/001_7f6bfb2b07322a62.txt line 9: data warehousing and data lakes",
    "seeds/003_b1c68a754a18ffce.txt Automated Training (lines 59-80): scoring script versioned and tested, manual " +
      "release by the software team, software engineers siloed",
    "seeds/003_b1c68a754a18ffce.txt summary line 12-13 'No metrics' (monitoring-feedback L0); seed 000 L0 'No " +
      "tracking'",
    "training-automation L2: automated pipeline, no CI/CD-built pipeline or trigger (seed 000 L2 vs L3/L4)",
    "governance-compliance L1: seeds silent; neighbours imply only generic access control",
  ],
  expected: {
    overall: 0,
    dimensions: {
      "team-ownership": 2,
      "data-features": 4,
      reproducibility: 2,
      "training-automation": 2,
      "testing-quality": 2,
      "deployment-release": 2,
      "monitoring-feedback": 0,
      "governance-compliance": 2,
    },
  },
  quick: {
    "q-team-ownership": "2",
    "q-data-features": "4",
    "q-reproducibility": "2",
    "q-training-automation": "2",
    "q-testing-quality": "2",
    "q-deployment-release": "2",
    "q-monitoring-feedback": "0",
    "q-governance-compliance": "2",
  },
  deep: {
    "manual-performance-feedback": "no",
    "one-team-to-production-metrics": "no",
    "model-integration-smoke-test": "partly",
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
    "data-pipeline-deployed-with-model": "fully",
    "release-approvals": "no",
    "automated-compliance-checks": "no",
    "automatic-lineage": "partly",
    "automated-training-pipeline": "fully",
    "model-version-records": "fully",
    "training-script": "fully",
    "app-test-and-prod-environments": "no",
    "cross-team-planning": "partly",
    "shared-feature-store": "fully",
    "knowledge-sharing": "partly",
    "model-registry": "fully",
    "automated-data-gathering": "fully",
    "automated-data-preparation": "fully",
    "basic-model-metrics": "no",
    "ds-de-joint-pipelines": "fully",
    "service-monitoring": "partly",
    "zero-downtime-rollout": "no",
    "training-feeds-release": "no",
    "fully-automated-model-testing": "no",
    "data-privacy-rules": "partly",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "partly",
  },
  firstStep: "service-monitoring",
  corrections: [
    "reproducibility 3 -> 2: the description says releases are manual hand-offs and its own provenance notes they are untraced; both modes answered that deployments do not record what runs where",
    'governance-compliance 1 -> 2: the registry holds every model version with who trained it (seed 000 level 2, "model registry tracking and management"); both modes answered so',
  ],
};

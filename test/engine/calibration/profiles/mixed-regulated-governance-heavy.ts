import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "mixed-regulated-governance-heavy",
  name: "Mixed: regulated, governance-heavy team with L2 training",
  description:
    "We build credit-risk models in a bank, so governance comes first. Production access is limited to a small " +
    "number of trained people, audit logs record every access and every change for the regulators, and every model " +
    "needs approvals and sign-offs from risk, the business owner and a second data scientist before it goes live; " +
    "our governance policies cover data privacy and security. Underneath that we're at automated training: data " +
    "scientists and data engineers convert experiments into job scripts, data pipelines gather and prepare data " +
    "automatically, training runs as a pipeline on a managed environment, experiments are tracked and code and " +
    "models are version controlled in a registry, so we can reproduce any model an auditor asks about. Model " +
    "testing is manual: validation produces a report that the approvers read; the scoring script is versioned and " +
    "tested. Releases are manual: after sign-off the software team deploys the approved model version by hand, and " +
    "they rely heavily on us. In production we have basic metrics in a monthly performance report, no automated " +
    "alerts or drift checks. Compliance checks are a manual review each quarter, not continuous.",
  provenance: [
    "seeds/004_89b0828ec1e0966b.txt lines 39-41: limit production access to trained people, audit logs for change " +
      "processes and regulators, approvals and sign-offs with business stakeholders",
    "seeds/001_7f6bfb2b07322a62.txt line 13: governance policies for compliance, data privacy and security",
    "seeds/000_b0b2c3586ac29de7.txt L3 line 66 'Release management policy in place' (governance L3); L2 row lines " +
      "46-60 for every other dimension",
    "seeds/003_b1c68a754a18ffce.txt summary line 14 and Automated Training (lines 59-80): basic metrics, CI for " +
      "the model, manual release managed by software team, scoring script versioned and tested, heavily reliant on " +
      "data person",
    "governance-compliance 3 not 4: seed 002 L4 'continuous monitoring and governance' absent (quarterly manual " +
      "review)",
  ],
  expected: {
    overall: 2,
    dimensions: {
      "team-ownership": 2,
      "data-features": 2,
      reproducibility: 3,
      "training-automation": 2,
      "testing-quality": 2,
      "deployment-release": 2,
      "monitoring-feedback": 2,
      "governance-compliance": 3,
    },
  },
  quick: {
    "q-team-ownership": "2",
    "q-data-features": "2",
    "q-reproducibility": "3",
    "q-training-automation": "2",
    "q-testing-quality": "2",
    "q-deployment-release": "2",
    "q-monitoring-feedback": "2",
    "q-governance-compliance": "3",
  },
  deep: {
    "manual-performance-feedback": "fully",
    "one-team-to-production-metrics": "no",
    "model-integration-smoke-test": "partly",
    "experiment-tracking": "fully",
    "scoring-code-tests": "fully",
    "automated-app-release": "partly",
    "cd-model-release": "no",
    "training-reads-pipeline-data": "fully",
    "live-version-comparison": "no",
    "managed-data-platform": "fully",
    "metric-triggered-retraining": "no",
    "central-model-monitoring": "partly",
    "application-code-versioned": "fully",
    "controlled-release-path": "fully",
    "production-model-lineage": "fully",
    "data-software-together": "no",
    "data-pipeline-deployed-with-model": "no",
    "release-approvals": "fully",
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
    "service-monitoring": "partly",
    "zero-downtime-rollout": "no",
    "training-feeds-release": "no",
    "fully-automated-model-testing": "no",
    "data-privacy-rules": "fully",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "partly",
  },
  firstStep: "automated-app-release",
  corrections: [
    "reproducibility 2 -> 3: manual deployments of approved versions are audit-logged, so what runs where and its training run are on record; both modes answered level 3",
  ],
  disputes: [
    {
      mode: "deep",
      dimension: "deployment-release",
      got: 0,
      why: 'the software team deploys by hand (seed 003 level 2 "manual release"), while seed 000 and 003 level 1 have automated builds and deployments of the application: deep mode holds the cumulative reading, the quick ladder picks the registry option',
    },
  ],
};

import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "uniform-l4-full-mlops",
  name: "Uniform L4: full MLOps",
  description:
    "Data, software and ML people work tightly together: data scientists work with the software team to identify " +
    "the markers to watch, data engineers manage inputs and outputs, and software engineers automate model " +
    "integration into the application and implement post-deployment metrics gathering. New models start from our " +
    "template libraries and modular components. Data is gathered automatically, features come from a feature " +
    "store, and data, models and environments are all version controlled; compute is tracked. Retraining is " +
    "triggered automatically from production metrics (a performance threshold and a weekly data-drift check), and " +
    "the new model goes through automated testing and load testing, then CI/CD to production with zero downtime; a " +
    "failover model or rules are ready if something goes wrong. We have centralized performance metrics for every " +
    "deployed model, plus pipeline, data, infrastructure and service monitoring and automatic bug tracking. " +
    "Governance is built in: production access is limited to a few trained people, audit logs record access and " +
    "changes, business stakeholders sign off production projects, and compliance with privacy and industry rules " +
    "is checked continuously.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L4 row (lines 80-94): 'Full System automation and monitoring', 'Feedback from " +
      "production models', 'CI/CD releases pipelines', 'Retraining triggered automatically', 'Automated testing of " +
      "the models', 'Model registry', 'Centralized performance metrics of the deployed model'; lines 107-109: " +
      "feature store and performance monitoring at L4",
    "seeds/003_b1c68a754a18ffce.txt summary line 16: 'Advanced Verbose Metrics, Zero Downtime, Automated Training " +
      "and Testing, Automatic bug tracking'; Level 4 (lines 100-123): roles of DS/DE/SWE, retraining triggered by " +
      "production metrics, compute tracked, automatic release by CI/CD, tests for each model release",
    "seeds/002_74bed040202da71c.txt Level 4 (lines 18, 41-54): version control of data, models and environments; " +
      "performance threshold alerts; weekly data drift; 'continuous monitoring and governance'",
    "seeds/004_89b0828ec1e0966b.txt lines 25-27 (pipeline, data, infrastructure, service monitoring), 31-35 " +
      "(failover, load testing, seamless rollout), 39-41 (limited access, audit logs, approvals and sign-offs)",
    "seeds/001_7f6bfb2b07322a62.txt lines 13, 16-17: governance and compliance, automated testing, template " +
      "libraries and modular design",
  ],
  expected: {
    overall: 4,
    dimensions: {
      "team-ownership": 4,
      "data-features": 4,
      reproducibility: 4,
      "training-automation": 4,
      "testing-quality": 4,
      "deployment-release": 4,
      "monitoring-feedback": 4,
      "governance-compliance": 4,
    },
  },
  quick: {
    "q-team-ownership": "4",
    "q-data-features": "4",
    "q-reproducibility": "4",
    "q-training-automation": "4",
    "q-testing-quality": "4",
    "q-deployment-release": "4",
    "q-monitoring-feedback": "4",
    "q-governance-compliance": "4",
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
    "live-version-comparison": "fully",
    "managed-data-platform": "fully",
    "metric-triggered-retraining": "fully",
    "central-model-monitoring": "fully",
    "application-code-versioned": "fully",
    "controlled-release-path": "fully",
    "production-model-lineage": "fully",
    "data-software-together": "fully",
    "data-pipeline-deployed-with-model": "fully",
    "release-approvals": "fully",
    "automated-compliance-checks": "fully",
    "automatic-lineage": "fully",
    "automated-training-pipeline": "fully",
    "model-version-records": "fully",
    "training-script": "fully",
    "app-test-and-prod-environments": "fully",
    "cross-team-planning": "fully",
    "shared-feature-store": "fully",
    "knowledge-sharing": "fully",
    "model-registry": "fully",
    "automated-data-gathering": "fully",
    "automated-data-preparation": "fully",
    "basic-model-metrics": "fully",
    "ds-de-joint-pipelines": "fully",
    "service-monitoring": "fully",
    "zero-downtime-rollout": "fully",
    "training-feeds-release": "fully",
    "fully-automated-model-testing": "fully",
    "data-privacy-rules": "fully",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "fully",
  },
};

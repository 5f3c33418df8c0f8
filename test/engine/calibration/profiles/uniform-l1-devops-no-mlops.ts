import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "uniform-l1-devops-no-mlops",
  name: "Uniform L1: DevOps but no MLOps",
  description:
    "Our software side is in decent shape: the application has CI/CD, unit tests run on every build, and builds " +
    "and deployments are automated. The data engineering team has put DataOps pipelines in place, so data is " +
    "gathered and prepared automatically every night. The ML part is still manual and siloed. Data engineers and " +
    "data scientists are separate groups organised by skillset; we've started a few workshops to break the silos, " +
    "nothing more. Data scientists train by hand with a 'python train_model.py' command or a notebook on their own " +
    "machines; there's no version control of experiments and we end up with a single model file. Application code " +
    "and the data pipelines are in Git, the training notebooks mostly are not. Testing the model is manual; there " +
    "are basic integration tests that check the app can load the model and call it. The app pipeline deploys " +
    "automatically, but swapping in a new model is a manual release and still relies on the data person. We get " +
    "limited feedback on the model's performance: we know whether the service is up, not whether the model is any " +
    "good. Access to production is whatever the app platform gives us; there's nothing ML-specific on governance.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L1 row (lines 28-44): 'Some DataOps pipelines in place made by Data " +
      "Engineering team', 'Releases still manual', 'Limited feedback on model's performance', 'Teams organized " +
      "around skillset with silos', 'Data pipelines gather data and prepare it automatically', 'No version control " +
      "of experiments', 'Single model file', 'Automated builds and deployments', 'Manual training and testing of the " +
      "models'",
    "seeds/003_b1c68a754a18ffce.txt summary line 13: 'No metrics, No Version Control, CI/CD is implemented for the " +
      "app but not for the model'; Level 1 (lines 41-57): People same as L0, 'Data is gathered automatically', model " +
      "release same as L0, 'Basic integration tests exist for the model', 'Releases automated', 'The application has " +
      "unit tests', 'Still reliant on Data Person for releases'",
    "seeds/002_74bed040202da71c.txt Level 1 (lines 15, 19-22): manual process, 'python train_model.py' typed by hand",
    "seeds/001_7f6bfb2b07322a62.txt lines 2, 5-7 (Initial stage steps): workshops to break silos, Git for code, " +
      "automating data extraction and loading",
    "team-ownership: seeds 000 and 003 describe L1 people as identical to L0 (silos); the only L1 marker is seed " +
      "001's first step (dialogues/workshops), so this is the weakest-grounded L1 dimension",
    "governance-compliance: seeds silent at L1; neighbours (L0 nothing, L3 release management policy in seed 000) " +
      "imply only generic platform access control",
  ],
  expected: {
    overall: 1,
    dimensions: {
      "team-ownership": 1,
      "data-features": 1,
      reproducibility: 1,
      "training-automation": 1,
      "testing-quality": 1,
      "deployment-release": 1,
      "monitoring-feedback": 1,
      "governance-compliance": 1,
    },
  },
  quick: {
    "q-team-ownership": "1",
    "q-data-features": "1",
    "q-reproducibility": "1",
    "q-training-automation": "1",
    "q-testing-quality": "1",
    "q-deployment-release": "1",
    "q-monitoring-feedback": "1",
    "q-governance-compliance": "1",
  },
  deep: {
    "manual-performance-feedback": "partly",
    "one-team-to-production-metrics": "no",
    "model-integration-smoke-test": "fully",
    "experiment-tracking": "no",
    "scoring-code-tests": "partly",
    "automated-app-release": "fully",
    "cd-model-release": "no",
    "training-reads-pipeline-data": "fully",
    "live-version-comparison": "no",
    "managed-data-platform": "partly",
    "metric-triggered-retraining": "no",
    "central-model-monitoring": "no",
    "application-code-versioned": "fully",
    "controlled-release-path": "partly",
    "production-model-lineage": "no",
    "data-software-together": "no",
    "data-pipeline-deployed-with-model": "no",
    "release-approvals": "no",
    "automated-compliance-checks": "no",
    "automatic-lineage": "no",
    "automated-training-pipeline": "no",
    "model-version-records": "no",
    "training-script": "partly",
    "app-test-and-prod-environments": "fully",
    "cross-team-planning": "partly",
    "shared-feature-store": "no",
    "knowledge-sharing": "partly",
    "model-registry": "no",
    "automated-data-gathering": "fully",
    "automated-data-preparation": "fully",
    "basic-model-metrics": "no",
    "ds-de-joint-pipelines": "no",
    "service-monitoring": "fully",
    "zero-downtime-rollout": "no",
    "training-feeds-release": "no",
    "fully-automated-model-testing": "no",
    "data-privacy-rules": "partly",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "fully",
    "release-integration-tests": "partly",
  },
  firstStep: "managed-data-platform",
};

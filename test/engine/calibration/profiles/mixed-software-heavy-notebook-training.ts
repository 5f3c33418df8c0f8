import type { TeamProfile } from "../team-profile.js";

export const profile: TeamProfile = {
  id: "mixed-software-heavy-notebook-training",
  name: "Mixed: software-heavy team, app and release L3, training in notebooks",
  description:
    "We're mostly software engineers with one data scientist. The app side is mature: CI/CD release pipelines, " +
    "unit and integration tests on the application code, dev, test and prod environments, and automated, fast " +
    "releases through the pipeline under a release policy. The ML side is the weak part. Our data scientist trains " +
    "in notebooks on her laptop: events land automatically in a bucket, she pulls what she needs, runs the " +
    "notebook cells by hand and hands us a single model file. There's no experiment tracking and the notebooks " +
    "aren't in Git. We wrap that file in our service, where the scoring code is version controlled and covered by " +
    "unit and basic integration tests, and the normal pipeline ships it: once the file is committed, deploying it " +
    "is automated, but checking the model's quality is whatever she did in the notebook. We monitor the service " +
    "(uptime, latency, errors) like any other, but nothing about the model's predictions. She's the only one who " +
    "understands the model and every model change goes through her; we've only just started pairing with her. " +
    "Production access and approvals follow our normal software change process; there's nothing specific to " +
    "models.",
  provenance: [
    "seeds/000_b0b2c3586ac29de7.txt L3 row lines 62-68 (CI/CD release pipelines, automated releases, release " +
      "management policy) for deployment-release 3",
    "seeds/003_b1c68a754a18ffce.txt Level 3 line 93 'Model release is handled by CI/CD pipeline' and line 98 " +
      "'Application code has unit/integration tests'; Level 2 line 74 'scoring script is version controlled and " +
      "tested' (testing-quality 2)",
    "seeds/004_89b0828ec1e0966b.txt lines 21 and 27: Dev-Test-Prod and service/infrastructure monitoring " +
      "(monitoring-feedback 1; seed 000 L1 'Limited feedback on model's performance')",
    "seeds/003_b1c68a754a18ffce.txt Level 0/1 model creation (lines 26-30, 46-48): experiments not tracked, single " +
      "model file, compute not managed; data gathered automatically (data-features 1)",
    "seeds/002_74bed040202da71c.txt Level 1 (lines 19-22): ad hoc, depending on individual skillsets, manual " +
      "training (training-automation 0)",
    "seeds/003_b1c68a754a18ffce.txt Level 1 line 57 'Still reliant on Data Person for releases' also fits: the " +
      "seeds' L1 and L3 differ only by whether the model (not just the app) goes through CI/CD; here it does",
    "team-ownership 1: seed 003 L0/L1 silos plus seed 001 line 2 first steps to break silos; reproducibility 1: " +
      "app code in Git (seed 001 line 5), no model versioning (seed 003 line 13)",
    "governance-compliance 1: seeds silent below L3; a generic software change process but no model policy",
  ],
  expected: {
    overall: 0,
    dimensions: {
      "team-ownership": 1,
      "data-features": 0,
      reproducibility: 1,
      "training-automation": 0,
      "testing-quality": 3,
      "deployment-release": 1,
      "monitoring-feedback": 1,
      "governance-compliance": 1,
    },
  },
  quick: {
    "q-team-ownership": "1",
    "q-data-features": "0",
    "q-reproducibility": "1",
    "q-training-automation": "0",
    "q-testing-quality": "3",
    "q-deployment-release": "3",
    "q-monitoring-feedback": "0",
    "q-governance-compliance": "3",
  },
  deep: {
    "manual-performance-feedback": "no",
    "one-team-to-production-metrics": "partly",
    "model-integration-smoke-test": "fully",
    "experiment-tracking": "no",
    "scoring-code-tests": "fully",
    "automated-app-release": "fully",
    "cd-model-release": "fully",
    "training-reads-pipeline-data": "partly",
    "live-version-comparison": "no",
    "managed-data-platform": "no",
    "metric-triggered-retraining": "no",
    "central-model-monitoring": "no",
    "application-code-versioned": "fully",
    "controlled-release-path": "fully",
    "production-model-lineage": "partly",
    "data-software-together": "no",
    "data-pipeline-deployed-with-model": "no",
    "release-approvals": "fully",
    "automated-compliance-checks": "no",
    "automatic-lineage": "no",
    "automated-training-pipeline": "no",
    "model-version-records": "partly",
    "training-script": "no",
    "app-test-and-prod-environments": "fully",
    "cross-team-planning": "partly",
    "shared-feature-store": "no",
    "knowledge-sharing": "no",
    "model-registry": "no",
    "automated-data-gathering": "partly",
    "automated-data-preparation": "no",
    "basic-model-metrics": "no",
    "ds-de-joint-pipelines": "no",
    "service-monitoring": "fully",
    "zero-downtime-rollout": "partly",
    "training-feeds-release": "no",
    "fully-automated-model-testing": "no",
    "data-privacy-rules": "partly",
    "app-unit-tests": "fully",
    "data-pipeline-code-versioned": "partly",
    "release-integration-tests": "fully",
  },
  firstStep: "cross-team-planning",
  corrections: [
    "data-features 1 -> 0: data lands automatically but is cleaned by hand in notebooks; both modes answered level 0",
    "testing-quality 2 -> 3: every release runs the application’s unit and integration tests with the new model (seed 003 level 3); both modes answered so",
    'deployment-release 3 -> 1: a model file handed over by the data scientist and shipped by the app\u2019s CI/CD is seed 003 level 1 word for word ("releases automated; still reliant on data person"); deep mode says 1 (no registry, seed 000 level 2)',
  ],
  disputes: [
    {
      mode: "quick",
      dimension: "deployment-release",
      got: 3,
      why: 'the quick ladder option 3 ("a CI/CD pipeline releases it") is true of the app pipeline that ships the handed-over file; deep mode asks for the registry first',
    },
    {
      mode: "quick",
      dimension: "monitoring-feedback",
      got: 0,
      why: "service monitored, model not looked at: option 1 also promises a look at model results by hand, which this team does not do",
    },
    {
      mode: "quick",
      dimension: "governance-compliance",
      got: 3,
      why: "every release follows the software change-approval policy, so option 3 is true, though nothing model-specific is recorded (deep: level 1)",
    },
    {
      mode: "deep",
      dimension: "team-ownership",
      got: 0,
      why: "one team on paper, but nobody plans ML work with the data scientist and lessons are not written down (both level 1 practices No or partly)",
    },
  ],
};

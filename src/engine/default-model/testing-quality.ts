import type { DimensionPack } from "./pack.js";
import { ANCHOR, SEED } from "./sources.js";

export const testingQuality: DimensionPack = {
  dimension: {
    id: "testing-quality",
    name: "Testing & quality",
    rubric: [
      "Models are tested by hand, if at all; scoring scripts are written after the fact and not versioned.",
      "Application code has unit tests and basic integration tests exist for the model.",
      "The scoring script is versioned and tested; model testing is still manual.",
      "Each model release passes automated unit and integration tests and a quality gate against the current model.",
      "Testing of models is fully automated, and failures open tracked issues by themselves.",
    ],
  },
  quick: {
    id: "q-testing-quality",
    dimension: "testing-quality",
    prompt: "Which best describes how models and their code are tested?",
    options: [
      "Manually, if at all; scoring scripts are not in version control",
      "The application has unit tests and a basic integration test for the model",
      "The scoring script is versioned and tested; model quality is checked by hand",
      "Every release runs automated tests and a quality gate against the current model",
      "Model testing is fully automated and failures open issues automatically",
    ],
    source: [SEED.azure, SEED.redglue, SEED.roadmap, ANCHOR.testScore("Infrastructure tests")],
  },
  deep: [
    {
      id: "app-unit-tests",
      dimension: "testing-quality",
      level: 1,
      requirement: "required",
      stage: "ci",
      title: "Unit tests for the application",
      statement: "The application code around the model has unit tests that run automatically on every change.",
      source: [SEED.azure, ANCHOR.azure(1)],
      recommendation: {
        why: "Tests are what let a team change code quickly without breaking the product around the model.",
        good: "A test suite that runs in CI on every pull request and blocks merging when it fails.",
        how: "Add a CI job that runs the existing tests on every pull request; add a test with each bug fix.",
      },
    },
    {
      id: "scoring-script-tested",
      dimension: "testing-quality",
      level: 2,
      requirement: "required",
      stage: "ci",
      title: "Tested scoring script",
      statement: "The scoring (inference) script is version controlled and has automated tests.",
      source: [SEED.azure, ANCHOR.testScore("Infra 2, model specification code is unit tested")],
      recommendation: {
        why: "The scoring script is production code: a bug there is a wrong answer for every customer.",
        good: "Tests feed known inputs through the scoring code and check shapes, ranges and known outputs.",
        how: "Write tests with a few fixed input rows and expected predictions; run them in CI with the rest of the code.",
      },
    },
    {
      id: "model-quality-gate",
      dimension: "testing-quality",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Automated model quality gate",
      statement:
        "Every candidate model is evaluated automatically against the current model and important data slices before release.",
      source: [SEED.redglue, ANCHOR.google(2), ANCHOR.testScore("Infra 4 and Model 6")],
      recommendation: {
        why: "A new model that is worse overall or on an important segment should never reach production unnoticed.",
        good: "The pipeline compares candidate and production model on a holdout set and key slices and blocks regressions.",
        how: "Add an evaluation step that fails the pipeline when the candidate is below the current model by a set margin.",
      },
    },
    {
      id: "integration-tests-per-release",
      dimension: "testing-quality",
      level: 3,
      requirement: "required",
      stage: "ci",
      title: "Integration tests for each model release",
      statement:
        "Each model release passes unit and integration tests of the full pipeline and the application using it.",
      source: [SEED.azure, ANCHOR.testScore("Infra 3, the full ML pipeline is integration tested")],
      recommendation: {
        why: "Integration tests catch the breakages between data, model and application that unit tests miss.",
        good: "CI runs the pipeline end to end on a small data sample and calls the deployed model through its API.",
        how: "Create a tiny fixture data set and a CI job that runs the whole pipeline and a smoke test against the endpoint.",
      },
    },
    {
      id: "load-tests",
      dimension: "testing-quality",
      level: 3,
      requirement: "recommended",
      appliesTo: ["online"],
      stage: "gated-cd",
      title: "Load tests before release",
      statement: "Online model services are load-tested before a new version goes live.",
      source: [SEED.datarobot, ANCHOR.google(2), ANCHOR.marvelous("§3 load and stress tests for real-time APIs")],
      recommendation: {
        why: "A model that is accurate but too slow under real traffic still breaks the product.",
        good: "Each release is load-tested against its latency and throughput targets in a staging environment.",
        how: "Script a load test (e.g. k6, Locust) with recorded request shapes and run it in the release pipeline.",
      },
    },
    {
      id: "automated-model-testing",
      dimension: "testing-quality",
      level: 4,
      requirement: "required",
      stage: "gated-cd",
      title: "Fully automated model testing",
      statement:
        "Testing of every model is fully automated: data, model and infrastructure checks run without manual steps.",
      source: [SEED.redglue, SEED.azure, ANCHOR.testScore("all four sections automated")],
      recommendation: {
        why: "Manual checks do not scale to many models or frequent automatic retraining.",
        good: "Every model runs the same automated checks on data, model quality, fairness and serving before any release.",
        how: "Turn each manual check in your release checklist into a pipeline step, starting with the one skipped most often.",
      },
    },
    {
      id: "automatic-bug-tracking",
      dimension: "testing-quality",
      level: 4,
      requirement: "recommended",
      stage: "monitoring",
      title: "Automatic bug tracking",
      statement:
        "Failures of model pipelines and services open tracked issues automatically, with the evidence attached.",
      source: [SEED.azure],
      recommendation: {
        why: "Failures that only live in logs are forgotten; tracked issues get owners and get fixed.",
        good: "A failed run or alert creates a ticket with logs, model version and data version attached.",
        how: "Connect pipeline failure hooks and alerts to your issue tracker's API.",
      },
    },
  ],
};

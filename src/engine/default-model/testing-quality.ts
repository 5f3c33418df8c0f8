import { type DimensionPack, practicesOf } from "./pack.js";
import { anchor, seed } from "./sources.js";

/** Seed 003 gives the clearest ladder: app unit tests and a basic model integration test (1), a tested scoring
 * script (2), tests for each model release (3), all testing automated (4). Seed 000 keeps model testing manual to 3. */
export const testingQuality: DimensionPack = {
  dimension: {
    id: "testing-quality",
    name: "Testing & quality",
    rubric: [
      "Testing is manual; the scoring script is written after the experiments.",
      "The application has unit tests, and a basic integration test loads the model.",
      "The scoring (inference) code has automated tests; the model's quality is still checked by hand.",
      "Every model release passes unit and integration tests that run the new model in the application.",
      "All model testing is automated, quality checks included, with no manual check left before a release.",
    ],
    findOut: "Ask whoever reviews a model release what they check and how, and look at the last release's CI run.",
  },
  quick: {
    id: "q-testing-quality",
    dimension: "testing-quality",
    prompt: "Which best describes how models and the code around them are tested?",
    options: [
      "By hand, if at all",
      "The application has unit tests, and a basic integration test loads the model",
      "The scoring code has automated tests, but model quality is checked by hand",
      "Every model release runs unit and integration tests with the new model in the application",
      "All model testing is automated, quality checks included",
    ],
    source: [
      seed.stages(
        "Level 1: application unit tests, basic integration tests for the model; Automated Training: scoring script tested; Level 3: unit and integration tests for each model release; Level 4: automated testing",
      ),
      seed.redglue("L0-L3 manual testing of the models; L4 automated testing of the models"),
      anchor.testScore("overall", "tests for features, model development, infrastructure and monitoring"),
    ],
  },
  deep: practicesOf("testing-quality", [
    {
      id: "app-unit-tests",
      level: 1,
      requirement: "required",
      stage: "ci",
      title: "Application unit tests",
      statement: "The application code around the model has unit tests that run automatically on every change.",
      source: [
        seed.stages("Level 1 application integration: the application has unit tests"),
        seed.redglue("L1 technology: automated builds and deployments"),
      ],
      recommendation: {
        why: "Without tests, every change to the application risks breaking the path the model's predictions take.",
        good: "Unit tests run in CI on every pull request, and a red build blocks the merge.",
        how: "Add a test runner to the application's CI job and start with tests for the code that calls the model.",
      },
    },
    {
      id: "model-integration-smoke-test",
      level: 1,
      requirement: "recommended",
      stage: "ci",
      title: "Basic integration test for the model",
      statement:
        "A basic integration test checks that the application can load the model and get a prediction from it.",
      source: [seed.stages("Level 1 application integration: basic integration tests exist for the model")],
      recommendation: {
        why: "A model file that does not load, or answers in another format, is found in production instead of in the build.",
        good: "The build loads the model the application will ship with and checks one prediction end to end.",
        how: "Add one test that loads the model artefact and asserts the shape and type of a prediction for a known input.",
      },
    },
    {
      id: "scoring-code-tests",
      level: 2,
      requirement: "required",
      stage: "ci",
      title: "Tested scoring code",
      statement: "The scoring (inference) code has automated tests that run on every change.",
      source: [
        seed.stages("Automated Training model release: the scoring script is version controlled and tested"),
        anchor.testScore("Infra", "the model specification code is unit tested"),
      ],
      recommendation: {
        why: "Scoring code written after the experiments and never tested silently diverges from what was validated.",
        good: "The scoring code lives next to the training code with unit tests that run in CI.",
        how: "Move the scoring script into the repository and add tests for its input handling and output format.",
      },
    },
    {
      id: "release-integration-tests",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Tests for every model release",
      statement: "Every model release passes unit and integration tests that run the new model inside the application.",
      source: [
        seed.stages("Level 3 application integration: unit and integration tests for each model release"),
        seed.roadmap("Level 3: CI configuration for ML model testing"),
        seed.redglue("L3: possible model test performance"),
      ],
      recommendation: {
        why: "A model that passed its offline metrics can still break the application it is released into.",
        good: "The release pipeline runs the application's tests with the candidate model before it can go live.",
        how: "Make the model version an input of the application's integration test job and run it in the release pipeline.",
      },
    },
    {
      id: "fully-automated-model-testing",
      level: 4,
      requirement: "required",
      stage: "gated-cd",
      title: "All model testing automated",
      statement:
        "All tests of a model, its quality checks against the current production model included, run automatically before a release.",
      source: [
        seed.redglue("L4 technology: automated testing of the models"),
        seed.stages("Level 4 overview: automated training and testing"),
        anchor.testScore("Model", "a new model is compared with the previous one before serving"),
      ],
      recommendation: {
        why: "Any check left manual becomes the bottleneck of automatic retraining, or gets skipped under pressure.",
        good: "The candidate model is tested and compared with production automatically, and a failing check blocks the release.",
        how: "Turn the manual quality review into an automated evaluation step with thresholds, and let failures open tracked issues automatically.",
      },
    },
  ]),
};

import { type DimensionPack, practicesOf } from "./pack.js";
import { anchor, seed } from "./sources.js";

/**
 * Seed 000: builds and deployments automated at level 1 (the application), model registry at level 2 ("only Level 2
 * introduces the concept of Model Registry"), releases still manual until level 3 ("CI/CD releases pipelines").
 * Seed 003 adds zero downtime at level 4. Separate environments are not a level of their own in any seed.
 */
export const deploymentRelease: DimensionPack = {
  dimension: {
    id: "deployment-release",
    name: "Deployment & release",
    rubric: [
      "Releases are manual, difficult and painful, and need the data person to assist.",
      "The application is built, tested and deployed automatically through test and production; model releases are still manual.",
      "Trained models are versioned in a model registry, and releases (still by hand) take the model from there.",
      "A CI/CD pipeline releases models, with a one-step rollback.",
      "New model versions roll out with no interruption to the service.",
    ],
    findOut: "Ask whoever did the last model release what they ran, and look at how that release reached production.",
  },
  quick: {
    id: "q-deployment-release",
    dimension: "deployment-release",
    prompt: "Which best describes how a new model version reaches production?",
    options: [
      "A manual, painful release that needs the data scientist to help",
      "The application deploys automatically through test and production; a new model goes in by hand",
      "By hand, but from a model registry where every trained model is versioned",
      "A CI/CD pipeline releases it, and rolling back is one step",
      "It rolls out with no interruption to the service",
    ],
    source: [
      seed.redglue(
        "L0 manual builds and deployments; L1 automated builds and deployments, releases still manual; L2 model registry; L3 CI/CD releases pipelines",
      ),
      seed.stages(
        "Level 1 releases automated (application); Level 3 model release handled by CI/CD pipeline; Level 4 zero downtime",
      ),
      seed.mature("§3 lifecycle management: new versions roll out seamlessly, without stopping services"),
      anchor.azure(3, "releases are automated and managed"),
    ],
  },
  deep: practicesOf("deployment-release", [
    {
      id: "automated-app-release",
      level: 1,
      requirement: "required",
      stage: "ci",
      title: "Automated application release",
      statement: "The application that uses the model is built and deployed by an automated pipeline.",
      source: [
        seed.redglue("L1 technology: automated builds and deployments"),
        seed.stages("Level 1 application integration: releases automated"),
      ],
      recommendation: {
        why: "Hand-built releases of the application make every model change wait for a risky manual deploy.",
        good: "A merge to the main branch builds, tests and deploys the application without manual steps.",
        how: "Set up a CI/CD pipeline (GitHub Actions, GitLab CI, Azure DevOps) for the application's build and deploy.",
      },
    },
    {
      id: "app-test-and-prod-environments",
      level: 1,
      requirement: "recommended",
      stage: "ci",
      title: "Separate test and production for the application",
      statement: "The application moves through a separate test environment before it reaches production.",
      source: [
        seed.mature(
          "§1: mature MLOps takes advantage of DevOps best practices and uses a Dev-Test-Prod approach with multiple environments",
        ),
        seed.redglue("L1 technology: automated builds and deployments"),
        seed.pathway('step "Introduce Testing, Monitoring, and Multi-account Deployment": segregation of environments'),
      ],
      recommendation: {
        why: "Without a test environment every release is tried for the first time in front of users.",
        good: "Each release runs in a test environment that mirrors production before it is promoted.",
        how: "Add a test (staging) stage to the application's pipeline, in its own account or namespace, and promote from it.",
      },
    },
    {
      id: "model-registry",
      level: 2,
      requirement: "required",
      stage: "tracking",
      title: "Model registry",
      statement:
        "Every trained model is stored and versioned in a model registry, and releases take the model from there.",
      source: [
        seed.redglue(
          "L2 technology: model registry tracking and management; only Level 2 introduces the concept of Model Registry",
        ),
        seed.stages(
          "Automated Training model creation: both training code and resulting models are version controlled",
        ),
      ],
      recommendation: {
        why: "Model files passed around by hand get mixed up, and nobody can say which version is live.",
        good: "Each trained model lands in a registry with its metrics and version, and the release picks a version from it.",
        how: "Register models from the training script (MLflow Model Registry, SageMaker, Vertex or Azure ML) and release only registered versions.",
      },
    },
    {
      id: "cd-model-release",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Models released by CI/CD",
      statement: "New model versions are released to production by a CI/CD pipeline, not by hand.",
      source: [
        seed.redglue("L3: releases are automated and faster, CI/CD releases pipelines, automated releases"),
        seed.stages("Level 3 model release: automatic release, model release is handled by CI/CD pipeline"),
        anchor.google(2, "CI/CD pipeline automation"),
      ],
      recommendation: {
        why: "Manual releases are slow and risky, so models stay stale and rollbacks are improvised.",
        good: "Promoting a registered model runs a pipeline, built to written deployment guidelines, through test to production with a rollback step.",
        how: "Extend your CI/CD tool to deploy a registry version to staging, run the checks, and promote it to production.",
      },
    },
    {
      id: "zero-downtime-rollout",
      level: 4,
      requirement: "required",
      stage: "gated-cd",
      title: "Rollouts without interruption",
      statement: "New model versions roll out without stopping or interrupting the service or the scheduled scoring.",
      source: [
        seed.stages("Level 4 overview: zero downtime"),
        seed.mature(
          "§3 lifecycle management: the new version rolls into production seamlessly, without stopping and starting services",
        ),
      ],
      recommendation: {
        why: "A release that needs downtime gets postponed, so fixes and retrained models wait.",
        good: "Each online model runs as its own service and is swapped by blue-green or rolling deployment; a fallback model or rules take over if it fails.",
        how: "Run the new version beside the old one and switch traffic (or the batch job's model reference) once it is healthy.",
      },
    },
  ]),
};

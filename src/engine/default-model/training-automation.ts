import type { DimensionPack } from "./pack.js";
import { ANCHOR, SEED } from "./sources.js";

export const trainingAutomation: DimensionPack = {
  dimension: {
    id: "training-automation",
    name: "Training automation",
    rubric: [
      "Models are trained by hand in notebooks, on unmanaged compute.",
      "Training runs from a script in the repository, still started and checked by hand.",
      "Training is an automated pipeline on a managed, reproducible training environment.",
      "The training pipeline itself is built, tested and deployed by CI/CD and runs the same in every environment.",
      "Retraining is triggered automatically by production metrics such as drift or a performance drop.",
    ],
  },
  quick: {
    id: "q-training-automation",
    dimension: "training-automation",
    prompt: "Which best describes how your models are trained and retrained?",
    options: [
      "By hand in notebooks, on whatever machine is available",
      "From a script in the repository, started and checked by hand",
      "As an automated pipeline on managed compute, easy to rerun",
      "The pipeline is deployed by CI/CD and retrains on schedule or on demand",
      "Retraining starts automatically when production metrics show drift or decay",
    ],
    source: [SEED.redglue, SEED.azure, SEED.roadmap, ANCHOR.google(1), ANCHOR.azure(4)],
  },
  deep: [
    {
      id: "scripted-training",
      dimension: "training-automation",
      level: 1,
      requirement: "required",
      stage: "foundations",
      title: "Training from a script",
      statement: "Training runs end to end from a script in the repository, without manual notebook steps.",
      source: [SEED.roadmap, SEED.azure],
      recommendation: {
        why: "A training run that needs someone clicking through a notebook cannot be automated or reproduced.",
        good: "One command (e.g. `python train.py --data ... --params ...`) trains the model from scratch.",
        how: "Collect the notebook's cells into a parameterised training script and run it once from a clean checkout.",
      },
    },
    {
      id: "automated-training-pipeline",
      dimension: "training-automation",
      level: 2,
      requirement: "required",
      stage: "pipelines",
      title: "Automated training pipeline",
      statement: "Model training runs as an automated pipeline of steps (prepare data, train, evaluate, register).",
      source: [SEED.redglue, SEED.roadmap, SEED.azure, ANCHOR.google(1), ANCHOR.aws("Repeatable")],
      recommendation: {
        why: "A pipeline makes training repeatable and is what later gets tested, deployed and triggered automatically.",
        good: "An orchestrated pipeline runs every step without manual work and registers the resulting model.",
        how: "Express the training script's steps in an orchestrator (e.g. Kubeflow, MLflow Pipelines, Airflow, SageMaker Pipelines).",
      },
    },
    {
      id: "managed-compute",
      dimension: "training-automation",
      level: 2,
      requirement: "recommended",
      stage: "pipelines",
      title: "Managed training environment",
      statement:
        "Training runs on managed, shared compute (cloud or cluster) with a defined environment, not on personal machines.",
      source: [SEED.redglue, SEED.azure, SEED.stages, ANCHOR.aws("Initial")],
      recommendation: {
        why: "Personal machines make training slow to scale, impossible to audit and dependent on one person.",
        good: "A managed training environment with pinned images that anyone in the team can launch.",
        how: "Run the pipeline on your cloud's managed training service or a shared cluster with a container image per project.",
      },
    },
    {
      id: "pipeline-ci-cd",
      dimension: "training-automation",
      level: 3,
      requirement: "required",
      stage: "ci",
      title: "Training pipeline delivered by CI/CD",
      statement:
        "The training pipeline itself is built, tested and deployed by CI/CD, and the same pipeline runs in dev, test and prod.",
      source: [SEED.roadmap, ANCHOR.google(2), SEED.azure],
      recommendation: {
        why: "If the pipeline is deployed by hand, every change to it is a risk and environments drift apart.",
        good: "A change to pipeline code triggers tests and deploys the pipeline to each environment automatically.",
        how: "Add a CI job that tests the pipeline code and deploys the pipeline definition on merge to main.",
      },
    },
    {
      id: "metric-triggered-retraining",
      dimension: "training-automation",
      level: 4,
      requirement: "required",
      stage: "retraining",
      title: "Retraining triggered by production metrics",
      statement: "Retraining starts automatically when production metrics show drift or a drop in model performance.",
      source: [SEED.redglue, SEED.azure, SEED.datarobot, ANCHOR.azure(4), ANCHOR.google(1)],
      recommendation: {
        why: "Models decay as the world changes; waiting for someone to notice costs accuracy and money.",
        good: "Drift or performance alerts trigger the training pipeline; the new model is validated before it replaces the old.",
        how: "Connect your drift and performance monitors to the pipeline's trigger, behind the same quality gate as manual releases.",
      },
    },
  ],
};

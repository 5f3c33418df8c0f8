import type { DimensionPack } from "./pack.js";
import { anchor, seed } from "./sources.js";

export const trainingAutomation: DimensionPack = {
  dimension: {
    id: "training-automation",
    name: "Training automation",
    rubric: [
      "Models are trained by hand, on compute that is not managed.",
      "Training runs from a script in the repository, but is still started and checked by hand.",
      "Automated model training on a fully managed training environment.",
      "The training pipeline itself is tested and deployed by CI/CD.",
      "Retraining is triggered automatically based on production metrics.",
    ],
  },
  quick: {
    id: "q-training-automation",
    dimension: "training-automation",
    prompt: "Which best describes how your models are trained and retrained?",
    options: [
      "By hand in notebooks, on whatever machine is available",
      "From a script in the repository, started and checked by hand",
      "By an automated pipeline on a managed training environment",
      "The training pipeline itself is tested and deployed by CI/CD",
      "Retraining starts automatically when production metrics show drift or decay",
    ],
    source: [
      seed.redglue("L0-L1: manual training; L2: automated model training; L4: retraining triggered automatically"),
      seed.stages("model creation: compute not managed (Level 0), managed (Automated Training), retraining (Level 4)"),
      seed.roadmap("Level 1 manual training command; Level 2 ML pipeline automation"),
      anchor.google(1, "ML pipeline automation (continuous training)"),
      anchor.azure(4, "retraining triggered automatically based on production metrics"),
    ],
  },
  deep: [
    {
      id: "scripted-training",
      dimension: "training-automation",
      level: 1,
      requirement: "required",
      stage: "foundations",
      title: "Training from one command",
      statement: "Training runs end to end from one command in the repository, without manual notebook steps.",
      source: [
        seed.roadmap("Level 1 manual process: training started by a command such as python train_model.py"),
        anchor.google(0, "manual, script-driven and interactive process"),
      ],
      recommendation: {
        why: "A training run that needs someone clicking through a notebook cannot be automated or reproduced.",
        good: "One command (e.g. `python train.py --data ... --params ...`) trains the model from scratch on a clean checkout.",
        how: "Collect the notebook's cells into a parameterised training script and run it once from a fresh clone.",
      },
    },
    {
      id: "automated-training-pipeline",
      dimension: "training-automation",
      level: 2,
      requirement: "required",
      stage: "pipelines",
      title: "Automated training pipeline",
      statement:
        "Model training runs as an automated pipeline that prepares data, trains, evaluates and registers the model.",
      source: [
        seed.redglue("L2 technology: automated model training"),
        seed.roadmap("Level 2 ML pipeline automation: automated pipelines for training (Kubeflow, MLflow)"),
        anchor.google(1, "ML pipeline automation"),
        anchor.aws("Repeatable", "automated preprocessing, build and train workflows"),
      ],
      recommendation: {
        why: "A pipeline makes training repeatable, and it is what later gets tested, deployed and triggered automatically.",
        good: "An orchestrated pipeline runs every step without manual work and registers the resulting model.",
        how: "Express the training script's steps in an orchestrator such as Kubeflow Pipelines, Airflow or SageMaker Pipelines.",
      },
    },
    {
      id: "managed-compute",
      dimension: "training-automation",
      level: 2,
      requirement: "required",
      stage: "pipelines",
      title: "Managed experiment and training environment",
      statement:
        "Experiments and training run in a managed, shared environment (cloud or cluster), not on personal machines.",
      source: [
        seed.redglue("L2 state: training environment is fully managed"),
        seed.stages("Automated Training, model creation: compute managed"),
        seed.pathway(
          'steps "Establish an Experimentation Environment" (sandbox environments) and "Cloud Infrastructure"',
        ),
        anchor.azure(2, "training environment is fully managed and traceable"),
        anchor.aws("Initial", "managed experimentation environment for data scientists"),
      ],
      recommendation: {
        why: "Personal machines make training slow to scale, impossible to audit and dependent on one person.",
        good: "A managed sandbox and training environment with pinned images that anyone in the team can launch.",
        how: "Run experiments and the pipeline on your cloud's managed ML service or a shared cluster, with one container image per project.",
      },
    },
    {
      id: "pipeline-ci-cd",
      dimension: "training-automation",
      level: 3,
      requirement: "required",
      stage: "ci",
      title: "Training pipeline delivered by CI/CD",
      statement: "Changes to the training pipeline are tested and deployed by a CI/CD pipeline.",
      source: [
        seed.roadmap("Level 3: ML systems integrate with CI/CD environments"),
        anchor.google(2, "pipeline continuous integration and continuous delivery"),
      ],
      recommendation: {
        why: "If the pipeline is deployed by hand, every change to it is a risk and environments drift apart.",
        good: "A change to pipeline code runs its tests and deploys the new pipeline definition to each environment.",
        how: "Add a CI job that tests the pipeline code and deploys the pipeline definition on merge to the main branch.",
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
      source: [
        seed.redglue("L4 process: retraining triggered automatically"),
        seed.stages("Level 4 model creation: retraining is triggered automatically based on production metrics"),
        seed.mature("§3 lifecycle management: the training pipeline is already connected to production data"),
        anchor.azure(4, "retraining triggered automatically based on production metrics"),
        anchor.google(1, "pipeline triggered on performance degradation or data distribution shift"),
      ],
      recommendation: {
        why: "Models decay as the world changes; waiting for someone to notice costs accuracy and money.",
        good: "Drift or performance alerts start the training pipeline, and the new model passes the same gate as any release.",
        how: "Connect your drift and performance monitors to the pipeline's trigger, behind the quality gate used for manual releases.",
      },
    },
  ],
};

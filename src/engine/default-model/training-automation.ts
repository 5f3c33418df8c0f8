import { type DimensionPack, practicesOf } from "./pack.js";
import { anchor, seed } from "./sources.js";

/**
 * Seeds 000 and 003 keep training manual at level 1 (000: "manual training and testing of the models"; 003: "rest
 * is the same as level 0" apart from data gathered automatically). So level 1 asks for a script started by hand that
 * reads the pipelines' data, not for automation; automation is level 2 (000 and 003 "Automated training").
 */
export const trainingAutomation: DimensionPack = {
  dimension: {
    id: "training-automation",
    name: "Training automation",
    rubric: [
      "Models are trained by hand in notebooks, on whatever machine is at hand.",
      "Training is still started and checked by hand, from a script that reads the data pipelines' output.",
      "Training runs as an automated pipeline on a managed training environment.",
      "The training pipeline is part of CI/CD: the models it approves go to the release pipeline automatically.",
      "Retraining is triggered automatically by production metrics.",
    ],
    findOut: "Ask whoever trained the last model how they started it, and look at where its last training run ran.",
  },
  quick: {
    id: "q-training-automation",
    dimension: "training-automation",
    prompt: "Which best describes how your models are trained and retrained?",
    options: [
      "By hand in notebooks, on whatever machine is available",
      "From a script someone starts and checks by hand, on data the pipelines prepared",
      "By an automated pipeline on a managed training environment",
      "Models the training pipeline approves go on to the CI/CD release pipeline automatically",
      "Retraining starts automatically when production metrics show drift or decay",
    ],
    source: [
      seed.redglue(
        "L0-L1 manual training; L2 automated model training, training environment fully managed; L4 retraining triggered automatically",
      ),
      seed.stages(
        "model creation: compute not managed (Level 0-1), managed (Automated Training), retraining triggered (Level 4)",
      ),
      seed.roadmap("Level 1 manual training command; Level 2 ML pipeline automation"),
      anchor.google(1, "ML pipeline automation (continuous training)"),
    ],
  },
  deep: practicesOf("training-automation", [
    {
      id: "training-script",
      level: 1,
      requirement: "recommended",
      stage: "repeatable-runs",
      title: "Training from a script",
      statement:
        "Training runs from a script started with one command (such as python train.py), not cell by cell in a notebook.",
      source: [
        seed.roadmap("Level 1 manual process: a typical manual command, python train_model.py --data_path ..."),
        anchor.google(0, "manual, script-driven and interactive process"),
      ],
      recommendation: {
        why: "A training run that needs someone clicking through a notebook cannot be repeated, reviewed or automated.",
        good: "One command trains the model from scratch with its parameters on the command line.",
        how: "Collect the notebook's cells into a parameterised training script and run it once from a fresh checkout.",
      },
    },
    {
      id: "training-reads-pipeline-data",
      level: 1,
      requirement: "required",
      stage: "repeatable-runs",
      title: "Training reads the pipelines' data",
      statement:
        "Training reads its data from the output of the automated data pipelines, not from files someone prepared by hand.",
      source: [
        seed.stages("Level 1 model creation: data is gathered automatically, the rest as at level 0"),
        seed.redglue("L1 process: data pipelines gather data and prepare it automatically"),
      ],
      recommendation: {
        why: "A model trained on a hand-made extract learns from data production will never send it.",
        good: "The training script reads the same tables or files the data pipelines publish.",
        how: "Point the training script at the pipeline's output table and delete the local extract.",
      },
    },
    {
      id: "automated-training-pipeline",
      level: 2,
      requirement: "required",
      stage: "pipelines",
      title: "Automated training pipeline",
      statement:
        "Model training runs as an automated pipeline (prepare data, train, evaluate, register), with no manual steps.",
      source: [
        seed.redglue("L2: automated model training; training environment is fully managed"),
        seed.stages("Automated Training model creation: compute managed"),
        seed.roadmap("Level 2 ML pipeline automation: automated pipelines for training (Kubeflow, MLflow)"),
        anchor.google(1, "ML pipeline automation"),
      ],
      recommendation: {
        why: "A pipeline makes training repeatable, and it is what later gets tested, deployed and triggered automatically.",
        good: "An orchestrated pipeline prepares data, trains, evaluates and registers the model on shared compute.",
        how: "Express the training script's steps in an orchestrator (Kubeflow Pipelines, Airflow, SageMaker or Vertex Pipelines) on your cloud's managed compute.",
      },
    },
    {
      id: "training-feeds-release",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Training pipeline hands models to CI/CD",
      statement:
        "A model the training pipeline approves goes on to the CI/CD release pipeline automatically, with no hand-over.",
      source: [
        seed.redglue(
          "L3: automated model deploy; CI/CD releases pipelines; data scientists and data engineers convert experimentation into pipelines",
        ),
        seed.roadmap("Level 3: ML systems integrate with CI/CD environments"),
        anchor.google(2, "pipeline continuous integration and continuous delivery"),
      ],
      recommendation: {
        why: "A trained model that waits for someone to carry it to the release pipeline goes stale, or goes out untested.",
        good: "The pipeline's last step registers the approved model and triggers the release pipeline, and the training pipeline's own code is tested and deployed by CI/CD.",
        how: "Make the pipeline's register step publish an event the CD pipeline listens to, and add a CI job that tests and deploys the pipeline definition.",
      },
    },
    {
      id: "metric-triggered-retraining",
      level: 4,
      requirement: "required",
      stage: "retraining",
      title: "Retraining triggered by production metrics",
      statement: "Retraining starts automatically when production metrics show drift or a drop in model performance.",
      source: [
        seed.redglue("L4 process: retraining triggered automatically"),
        seed.stages("Level 4 model creation: retraining is triggered automatically based on production metrics"),
        seed.mature("§3 lifecycle management: the training pipeline is already connected to production data"),
        anchor.google(1, "pipeline triggered on performance degradation or data distribution shift"),
      ],
      recommendation: {
        why: "Models decay as the world changes; waiting for someone to notice costs accuracy and money.",
        good: "Drift or performance alerts start the training pipeline, and the new model passes the same gate as any release.",
        how: "Connect your drift and performance monitors to the pipeline's trigger, behind the quality gate used for manual releases.",
      },
    },
  ]),
};

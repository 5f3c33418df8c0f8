import { type DimensionPack, practicesOf } from "./pack.js";
import { anchor, seed } from "./sources.js";

/**
 * Seed 003 has no version control of ML work before Automated Training, but its level 1 runs CI/CD for the
 * application, and seed 000's level 1 has DataOps pipelines: the code those run from is in version control. So level
 * 1 here is the DevOps half (application and data pipeline code in Git) and level 2 adds the ML half (tracked
 * experiments, see seed 000 "only Level 2 introduces the concept of Model Registry").
 */
export const reproducibility: DimensionPack = {
  dimension: {
    id: "reproducibility",
    name: "Reproducibility & traceability",
    rubric: [
      "No version control and no tracking: the end result is a single model file.",
      "Application and data pipeline code is in version control; experiments are not tracked and the model is a single file.",
      "Experiments are tracked: each training run's code version, parameters and metrics are recorded.",
      "Every deployment records which model version runs where, and the training run it came from.",
      "Versions of data, code, environment and compute are recorded automatically for every model.",
    ],
    findOut:
      "Ask whoever trained the model now in production how they would rebuild it, and look for its run in your tracking tool or Git history.",
  },
  quick: {
    id: "q-reproducibility",
    dimension: "reproducibility",
    prompt: "If the model in production broke today, how easily could you rebuild exactly that model?",
    options: [
      "Hard or impossible: there is a model file, but no code history and no record of how it was made",
      "The application and pipeline code is in Git, but which settings and data produced the model is unclear",
      "Experiments are tracked: each run's code version, parameters and metrics are recorded",
      "Deployments record which model version runs where, and the training run it came from",
      "Data, code, environment and compute versions are recorded automatically for every model",
    ],
    source: [
      seed.redglue(
        "L0-L1 no tracking, single model file; L2-L4 code and trained models version controlled, experiments tracked",
      ),
      seed.stages(
        "Level 0-1 no version control; Automated Training: experiment results tracked, code and models version controlled; Level 4 compute tracked",
      ),
      seed.roadmap("Level 4: version control of data, models and environments"),
      anchor.google(2, "metadata management and lineage"),
    ],
  },
  deep: practicesOf("reproducibility", [
    {
      id: "application-code-versioned",
      level: 1,
      requirement: "recommended",
      stage: "version-control",
      title: "Application code in version control",
      statement: "The code of the application that uses the model is kept in version control (such as Git).",
      source: [
        seed.stages("Level 1 overview: CI/CD is implemented for the app but not for the model"),
        seed.pathway('step "Version Control": implement systems like Git to track changes'),
      ],
      recommendation: {
        why: "Without version control nobody can tell what changed, undo a bad change or automate a release.",
        good: "Every change to the application code goes through Git, and what runs in production matches a commit.",
        how: "Create a repository for the application, push the current code, and make it the only way changes reach production.",
      },
    },
    {
      id: "data-pipeline-code-versioned",
      level: 1,
      requirement: "required",
      stage: "version-control",
      title: "Data pipeline code in version control",
      statement: "The code of the data pipelines that feed your models is kept in version control (such as Git).",
      source: [
        seed.redglue("L1: some DataOps pipelines in place made by the data engineering team"),
        seed.pathway(
          'step "Version Control": implement systems like Git to track changes and manage code collaboratively',
        ),
      ],
      recommendation: {
        why: "A data pipeline changed in place cannot be reviewed, reverted or tied to the models it fed.",
        good: "Data pipeline code lives in Git and reaches production only from a commit.",
        how: "Put the pipeline definitions and their SQL or scripts in a repository and deploy them from there.",
      },
    },
    {
      id: "experiment-tracking",
      level: 2,
      requirement: "required",
      stage: "tracking",
      title: "Experiment tracking",
      statement:
        "Every training run records the commit of its training code, its parameters and its metrics in a central tracking tool.",
      source: [
        seed.redglue("L2 technology: code and trained models are version controlled (experiments are tracked)"),
        seed.stages("Automated Training model creation: experiment results tracked"),
        anchor.azure(2, "experiment tracking"),
      ],
      recommendation: {
        why: "Without tracked runs nobody can say why this model beat the last one, or rebuild it.",
        good: "Each run logs its commit, parameters and metrics automatically to a shared tool the team can search.",
        how: "Add MLflow (or Weights & Biases, or your platform's tracker) to the training script: one line to start a run, one per metric.",
      },
    },
    {
      id: "production-model-lineage",
      level: 3,
      requirement: "required",
      stage: "tracking",
      title: "Deployments record what runs where",
      statement:
        "Every deployment records which model version runs in which environment, and the training run it came from.",
      source: [
        seed.roadmap("Level 3: ML models are tested, version-controlled and deployed systematically"),
        seed.stages("Level 3 model release: model release is handled by CI/CD pipeline"),
        anchor.azure(3, "full traceability from deployment back to original data"),
      ],
      recommendation: {
        why: "When a production model misbehaves you need to know exactly what produced it, before you can fix or roll it back.",
        good: "The deployed model's metadata links to its commit and training run, and from there to its data and environment.",
        how: "Have the release pipeline copy the training run's id into the deployment's metadata, so one lookup leads back to everything.",
      },
    },
    {
      id: "automatic-lineage",
      level: 4,
      requirement: "required",
      stage: "governance",
      title: "Lineage recorded automatically",
      statement:
        "The pipelines record the versions of data, code, environment and compute automatically for every model they produce.",
      source: [
        seed.roadmap("Level 4: version control of data, models, and environments"),
        seed.stages("Level 4 model creation: compute tracked"),
      ],
      recommendation: {
        why: "Lineage kept by hand is incomplete exactly when an audit or an incident needs it.",
        good: "Every model version carries machine-written lineage: data, code, environment and compute, with no manual step.",
        how: "Use your orchestrator's metadata store (Kubeflow/Vertex ML Metadata, SageMaker lineage, MLflow) and fail the pipeline when a field is missing.",
      },
    },
  ]),
};

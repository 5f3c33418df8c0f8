import type { DimensionPack } from "./pack.js";
import { anchor, seed } from "./sources.js";

export const reproducibility: DimensionPack = {
  dimension: {
    id: "reproducibility",
    name: "Reproducibility & traceability",
    rubric: [
      "No version control and no tracking: experiments are not tracked and the end result is a single model file.",
      "Code is in version control, but experiments are not tracked, so results are hard to reproduce.",
      "Experiments are tracked; code and trained models are version controlled, with a model registry.",
      "Any model in production traces back to the commit, data and environment that produced it.",
      "Versions of data, models, environments and compute are recorded automatically for every model.",
    ],
  },
  quick: {
    id: "q-reproducibility",
    dimension: "reproducibility",
    prompt: "Which best describes how you could rebuild the model running in production today?",
    options: [
      "Hard or impossible: there is a model file, but no record of how it was made",
      "The code is in Git, but which data and settings produced the model is unclear",
      "Experiments are tracked and trained models are versioned in a model registry",
      "Any deployed model traces back to its commit, training data and environment",
      "Data, model, environment and compute versions are recorded automatically for every model",
    ],
    source: [
      seed.redglue("L0: no tracking; L1: no version control of experiments; L2: experiments tracked, model registry"),
      seed.stages("model creation: experiments not tracked, single model file (Level 0); compute tracked (Level 4)"),
      anchor.azure(2, "easy to reproduce model"),
      anchor.azure(3, "full traceability from deployment back to original data"),
    ],
  },
  deep: [
    {
      id: "code-in-version-control",
      dimension: "reproducibility",
      level: 1,
      requirement: "required",
      stage: "version-control",
      title: "All ML code in version control",
      statement: "All code that prepares data, trains models and scores them is kept in version control such as Git.",
      source: [
        seed.pathway('step "Version Control": systems like Git to track changes and manage code collaboratively'),
        seed.stages("Level 0 model release: scoring/validation script not part of version control"),
        anchor.azure(1, "version control for code"),
        anchor.marvelous(2, "items 16-17", "data preparation code and ML model code stored in version control"),
      ],
      recommendation: {
        why: "Version control is the base of every later step: reviews, CI, reproducibility and rollback.",
        good: "Every script and notebook that produces or serves a model is in a shared repository with history.",
        how: "Move the production model's code into a team repository this week and make changes through pull requests.",
      },
    },
    {
      id: "experiment-tracking",
      dimension: "reproducibility",
      level: 2,
      requirement: "required",
      stage: "tracking",
      title: "Experiment tracking",
      statement:
        "Every training run records its parameters, metrics, code version and data version in a central tracking tool.",
      source: [
        seed.redglue("L2 process: code and trained models are version controlled (experiments are tracked)"),
        seed.stages("Automated Training, model creation: experiment results tracked"),
        anchor.azure(2, "experiment results tracked; centralized tracking of model training performance"),
      ],
      recommendation: {
        why: "Without tracked experiments nobody can say why the production model was chosen, or reproduce it.",
        good: "Every run logs parameters, metrics, commit and data version to one shared tracker the whole team can browse.",
        how: "Add an experiment tracker such as MLflow or Weights & Biases to the training script and log the commit hash and data version.",
      },
    },
    {
      id: "model-registry",
      dimension: "reproducibility",
      level: 2,
      requirement: "required",
      stage: "tracking",
      title: "Model registry",
      statement: "Trained models are stored and versioned in a model registry together with their metrics.",
      source: [
        seed.redglue("L2 technology: model registry tracking and management; only level 2 introduces it (like MLFlow)"),
        seed.stages(
          "Automated Training, model creation: both training code and resulting models are version controlled",
        ),
        anchor.aws("Repeatable", "models stored and benchmarked in a model registry"),
        anchor.google(2, "model registry"),
      ],
      recommendation: {
        why: "A registry is the single source of truth for which model version runs where, and what to roll back to.",
        good: "Every candidate model is registered with version, metrics and lineage; stages mark staging and production.",
        how: "Register models from the training pipeline in a model registry such as MLflow, SageMaker or Vertex AI.",
      },
    },
    {
      id: "deployment-lineage",
      dimension: "reproducibility",
      level: 3,
      requirement: "required",
      stage: "tracking",
      title: "Deployed model traceable to its origins",
      statement:
        "For any model in production you can look up the commit, training data and environment that produced it.",
      source: [
        seed.roadmap("Level 4: version control of data, models and environments"),
        seed.mature("§3 lifecycle management: version management keeps older versions of the model"),
        anchor.azure(3, "full traceability from deployment back to original data"),
        anchor.marvelous(
          2,
          "items 22-26",
          "for any deployment, look up commit, infrastructure, environment, artefacts, data",
        ),
      ],
      recommendation: {
        why: "When a model misbehaves the first question is what exactly is running; the answer must take minutes, not days.",
        good: "The deployment record links to the registry entry, which links to the commit, data snapshot and environment.",
        how: "Tag each deployment with its registry version and have the training pipeline record commit, data version and image there.",
      },
    },
    {
      id: "automatic-lineage",
      dimension: "reproducibility",
      level: 4,
      requirement: "required",
      stage: "governance",
      title: "Lineage recorded automatically",
      statement:
        "Pipelines record the versions of data, code, environment and compute automatically for every model they produce.",
      source: [
        seed.stages("Level 4 model creation: compute tracked"),
        seed.roadmap("Level 4: version control of data, models and environments"),
        anchor.google(1, "ML metadata store records every pipeline execution"),
      ],
      recommendation: {
        why: "At scale nobody keeps lineage by hand, and auditors and incident responders need it at once.",
        good: "Lineage is a by-product of running pipelines and can be queried for any model, without asking its author.",
        how: "Use the metadata store of your orchestrator or an open standard such as OpenLineage, wired into every pipeline step.",
      },
    },
    {
      id: "llm-prompt-tracing",
      dimension: "reproducibility",
      level: 4,
      requirement: "recommended",
      appliesTo: ["llm"],
      stage: "tracking",
      title: "LLM calls traceable to prompt and model version",
      statement:
        "Every LLM call in production can be traced to the prompt template version and model version that produced it.",
      source: [
        seed.roadmap(
          "Level 4: version control of data, models and environments (applied here to prompts and LLM endpoints)",
        ),
        "Marvelous MLOps LLMOps assessment: foundation model endpoint version and prompts can be looked up",
        "Azure MLOps maturity model, GenAIOps overlay: prompt lifecycle",
      ],
      recommendation: {
        why: "LLM behaviour changes with prompts, model versions and retrieved documents; without traces nothing can be debugged.",
        good: "Each request logs the prompt template version, endpoint and model version, retrieved context, tokens and latency.",
        how: "Keep prompts in the repository with versions and add tracing such as OpenTelemetry or Langfuse around every LLM call.",
      },
    },
  ],
};

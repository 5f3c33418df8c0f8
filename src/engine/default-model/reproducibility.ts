import type { DimensionPack } from "./pack.js";
import { ANCHOR, SEED } from "./sources.js";

export const reproducibility: DimensionPack = {
  dimension: {
    id: "reproducibility",
    name: "Reproducibility & traceability",
    rubric: [
      "No version control and no tracking: the end result is a single model file.",
      "All code is in version control, but experiments are not tracked and models are hard to reproduce.",
      "Experiments are tracked; code and trained models are versioned in a model registry.",
      "Any deployed model can be traced back to its commit, data, environment and infrastructure.",
      "Lineage of data, features, models and deployments is captured automatically for every model.",
    ],
  },
  quick: {
    id: "q-reproducibility",
    dimension: "reproducibility",
    prompt: "If you had to rebuild the model running in production today, how would it go?",
    options: [
      "Hard or impossible: there is a model file, but no record of how it was made",
      "The code is in Git, but which data and settings produced the model is unclear",
      "Experiments are tracked and models are versioned in a registry with their metrics",
      "Any deployment traces back to commit, data, environment and infrastructure",
      "Lineage is captured automatically for every model and is ready for an audit",
    ],
    source: [SEED.redglue, SEED.azure, ANCHOR.azure(2), ANCHOR.azure(3)],
  },
  deep: [
    {
      id: "code-in-version-control",
      dimension: "reproducibility",
      level: 1,
      requirement: "required",
      stage: "version-control",
      title: "All ML code in version control",
      statement: "All ML code (data preparation, training, scoring) is kept in version control such as Git.",
      source: [SEED.stages, SEED.azure, SEED.roadmap, ANCHOR.marvelous("§2 all ML code in VCS")],
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
      statement: "Experiments (parameters, metrics, code and data versions) are recorded in a central tracking tool.",
      source: [SEED.redglue, SEED.azure, ANCHOR.azure(2)],
      recommendation: {
        why: "Without tracked experiments nobody can say why the production model was chosen or reproduce it.",
        good: "Every training run logs parameters, metrics, code commit and data version to one shared tracker.",
        how: "Add an experiment tracker (e.g. MLflow, Weights & Biases) to the training script; log the commit hash and data version.",
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
      source: [SEED.redglue, SEED.azure, ANCHOR.aws("Repeatable"), ANCHOR.google(2)],
      recommendation: {
        why: "A registry is the single source of truth for which model version is where, and what to roll back to.",
        good: "Every candidate model is registered with version, metrics and lineage; stages mark staging and production.",
        how: "Register models from the training pipeline in a registry (e.g. MLflow Model Registry, SageMaker, Vertex AI).",
      },
    },
    {
      id: "deployment-lineage",
      dimension: "reproducibility",
      level: 3,
      requirement: "required",
      stage: "tracking",
      title: "Deployment traceable to its origins",
      statement:
        "For any model in production you can look up the commit, training data, environment and artefact that produced it.",
      source: [SEED.azure, ANCHOR.azure(3), ANCHOR.marvelous("§2 look-ups for any deployment")],
      recommendation: {
        why: "When a model misbehaves, the first question is what exactly is running; the answer must take minutes, not days.",
        good: "The deployment record links to the registry entry, which links to the commit, data snapshot and environment.",
        how: "Tag each deployment with the registry model version and make the pipeline record commit and data version there.",
      },
    },
    {
      id: "infrastructure-as-code",
      dimension: "reproducibility",
      level: 3,
      requirement: "recommended",
      stage: "version-control",
      title: "Infrastructure as code",
      statement:
        "Training and serving infrastructure (cloud resources, clusters, endpoints) is defined as code in version control.",
      source: [SEED.stages, ANCHOR.marvelous("§2 infrastructure as code")],
      recommendation: {
        why: "Hand-built infrastructure drifts between environments and cannot be rebuilt after an incident.",
        good: "Terraform, Pulumi or similar code in the repository creates every environment the same way.",
        how: "Capture the serving endpoint and training compute of one model in infrastructure code and apply it through CI.",
      },
    },
    {
      id: "automatic-lineage",
      dimension: "reproducibility",
      level: 4,
      requirement: "required",
      stage: "governance",
      title: "Automatic lineage for every model",
      statement:
        "Lineage of data, features, models, compute and deployments is captured automatically for every model.",
      source: [SEED.azure, SEED.roadmap, ANCHOR.azure(4)],
      recommendation: {
        why: "At scale nobody can keep lineage by hand, and auditors and incident responders need it at once.",
        good: "The platform records lineage as a by-product of running pipelines, queryable for any model.",
        how: "Use a metadata store (e.g. the ML metadata of your orchestrator, OpenLineage) wired into every pipeline step.",
      },
    },
    {
      id: "llm-prompt-tracing",
      dimension: "reproducibility",
      level: 4,
      requirement: "recommended",
      appliesTo: ["llm"],
      stage: "tracking",
      title: "LLM calls traceable",
      statement:
        "Every LLM call in production can be traced to its prompt template version, model endpoint version and retrieved context.",
      source: [SEED.roadmap, ANCHOR.marvelous("LLMOps traceability checklist")],
      recommendation: {
        why: "LLM behaviour changes with prompts, model versions and retrieved documents; without traces nothing can be debugged.",
        good: "Each request logs prompt template version, endpoint and model version, retrieved chunks, tokens and latency.",
        how: "Version prompts in the repository and add tracing (e.g. OpenTelemetry, Langfuse) around every LLM call.",
      },
    },
  ],
};

import type { DimensionPack } from "./pack.js";
import { ANCHOR, SEED } from "./sources.js";

export const dataFeatures: DimensionPack = {
  dimension: {
    id: "data-features",
    name: "Data & features",
    rubric: [
      "Data is gathered and prepared by hand for each experiment.",
      "Data pipelines gather and prepare training data automatically (DataOps).",
      "Pipelines validate data automatically and training data is managed and versioned.",
      "Data preparation is deployed together with the model, so training and serving transform data the same way.",
      "Features come from a shared feature store with lineage, reused across models and teams.",
    ],
  },
  quick: {
    id: "q-data-features",
    dimension: "data-features",
    prompt: "Which best describes how training data and features are prepared?",
    options: [
      "Someone pulls and cleans the data by hand for each experiment",
      "Automated data pipelines gather and prepare the training data",
      "Pipelines also validate schema and values, and data sets are versioned",
      "The same data preparation code is deployed with the model for training and serving",
      "A shared feature store with lineage serves features to every model",
    ],
    source: [SEED.redglue, SEED.azure, SEED.datarobot, ANCHOR.google(1)],
  },
  deep: [
    {
      id: "automated-data-gathering",
      dimension: "data-features",
      level: 1,
      requirement: "required",
      stage: "foundations",
      title: "Automated data gathering",
      statement: "Training data is gathered and prepared by automated data pipelines, not by hand.",
      source: [SEED.redglue, SEED.azure, SEED.stages, ANCHOR.azure(1)],
      recommendation: {
        why: "Hand-prepared data cannot be reproduced and silently differs between experiments and production.",
        good: "Scheduled pipelines extract, clean and load training data the same way every time.",
        how: "Turn the extraction and cleaning steps of your main data set into a scheduled job (Airflow, Dagster or your platform's scheduler).",
      },
    },
    {
      id: "data-validation",
      dimension: "data-features",
      level: 2,
      requirement: "required",
      stage: "pipelines",
      title: "Automated data validation",
      statement: "Data pipelines check schema and value ranges automatically and stop before training on bad data.",
      source: [SEED.datarobot, ANCHOR.google(1), ANCHOR.testScore("Data 1, feature expectations in a schema")],
      recommendation: {
        why: "Bad input data is the most common cause of bad models, and it is cheapest to catch before training.",
        good: "A declared schema with expectations (types, ranges, missing values) checked in every pipeline run.",
        how: "Add a validation step (e.g. Great Expectations, pandera, TFDV) to the pipeline and fail the run when it breaks.",
      },
    },
    {
      id: "data-management-platform",
      dimension: "data-features",
      level: 2,
      requirement: "recommended",
      stage: "version-control",
      title: "Managed, versioned training data",
      statement: "Training data lives in a managed data platform (data lake or warehouse) with versioned snapshots.",
      source: [SEED.stages, SEED.roadmap],
      recommendation: {
        why: "A model can only be reproduced if the exact data it was trained on can be found again.",
        good: "Each training run reads an identified snapshot of the data from a managed lake or warehouse.",
        how: "Store training sets as dated, immutable snapshots (or use table versioning such as Delta/Iceberg or DVC) and record the version per run.",
      },
    },
    {
      id: "deploy-data-with-model",
      dimension: "data-features",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Data pipeline deployed with the model",
      statement:
        "Data preparation code is deployed together with the model, so serving uses the same transformations as training.",
      source: [
        SEED.datarobot,
        ANCHOR.marvelous("§5 same transformation code offline and online"),
        ANCHOR.testScore("Monitor 3, training/serving skew"),
      ],
      recommendation: {
        why: "Re-coding data preparation for production causes training/serving skew and lots of extra work.",
        good: "One versioned transformation package used by the training pipeline and by the serving code.",
        how: "Move feature transformations into a shared package and deploy it with the model artefact in the same release.",
      },
    },
    {
      id: "feature-store",
      dimension: "data-features",
      level: 4,
      requirement: "required",
      stage: "scale",
      title: "Shared feature store",
      statement: "Features come from a shared feature store that tracks their lineage and which models use them.",
      source: [SEED.redglue, ANCHOR.google(2), ANCHOR.marvelous("§5 Feature store")],
      recommendation: {
        why: "Teams that share features avoid duplicated work and inconsistent definitions across models.",
        good: "Features defined once, reviewed by pull request, served offline and online, with usage and lineage tracked.",
        how: "Start with the features used by two or more models and register them in a feature store (e.g. Feast or your platform's).",
      },
    },
  ],
};

import type { DimensionPack } from "./pack.js";
import { anchor, seed } from "./sources.js";

export const dataFeatures: DimensionPack = {
  dimension: {
    id: "data-features",
    name: "Data & features",
    rubric: [
      "Data is gathered and prepared by hand for each model.",
      "Data pipelines gather data and prepare it automatically (DataOps).",
      "Training data comes from a managed data lake or warehouse as a versioned snapshot that can be found again.",
      "Data pipelines are deployed together with the models, so production data is prepared the same way as training data.",
      "A shared feature store provides features to every model, reused across models and teams.",
    ],
  },
  quick: {
    id: "q-data-features",
    dimension: "data-features",
    prompt: "Which best describes how data for your models is gathered and prepared?",
    options: [
      "Someone pulls and cleans the data by hand for each model",
      "Automated data pipelines gather and prepare the training data",
      "Training data comes from a managed lake or warehouse, as a versioned snapshot we can find again",
      "The data preparation pipeline is deployed with the model, so serving prepares data the same way",
      "A shared feature store provides features to every model and team",
    ],
    source: [
      seed.redglue("L0: data manually prepared; L1: data pipelines gather data and prepare it automatically"),
      seed.stages("model creation: data gathered manually (Level 0), automatically (Level 1 on)"),
      seed.mature("§1 Deployment: deploy the data pipelines and models together"),
      anchor.google(1, "automated data extraction, validation and preparation; optional feature store"),
    ],
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
      source: [
        seed.redglue("L1 process: data pipelines gather data and prepare it automatically"),
        seed.stages("Level 1 model creation: data is gathered automatically"),
        seed.pathway('step "Automation": automate repetitive tasks such as data extraction and loading'),
        anchor.azure(1, "data pipeline gathers data automatically"),
      ],
      recommendation: {
        why: "Hand-prepared data cannot be reproduced and silently differs between experiments and production.",
        good: "Scheduled pipelines extract, clean and load training data the same way every time.",
        how: "Turn the extraction and cleaning steps of your main data set into a scheduled job in an orchestrator such as Airflow or Dagster.",
      },
    },
    {
      id: "data-management-platform",
      dimension: "data-features",
      level: 2,
      requirement: "required",
      stage: "version-control",
      title: "Versioned training data",
      statement:
        "Each training run reads an identified, versioned snapshot of its data from a managed data lake or warehouse.",
      source: [
        seed.pathway('step "Data Management": data warehousing and data lakes for large volumes of data'),
        seed.roadmap("Level 4: version control of data, models and environments"),
        anchor.marvelous(2, "item 26", "for any model run, what data was used to train the model can be looked up"),
      ],
      recommendation: {
        why: "A model can only be reproduced or debugged if the exact data it was trained on can be found again.",
        good: "Each training run reads a dated, immutable snapshot from a managed lake or warehouse and records its version.",
        how: "Store training sets as immutable snapshots (or use table versioning such as Delta Lake, Iceberg or DVC) and log the version per run.",
      },
    },
    {
      id: "deploy-data-with-model",
      dimension: "data-features",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Data pipeline deployed with the model",
      statement: "Data preparation pipelines are deployed to production together with the models they feed.",
      source: [
        seed.mature("§1 Deployment: deploy the data pipelines and models together on production data"),
        anchor.marvelous(
          5,
          "item 48",
          "offline training data and online prediction data are transformed with the same code",
        ),
        anchor.testScore("Monitor 3", "there is no training/serving skew"),
      ],
      recommendation: {
        why: "Re-coding data preparation for production causes training/serving skew and a lot of extra work.",
        good: "One versioned transformation package used by the training pipeline and by the serving code, released together.",
        how: "Move feature transformations into a shared package and ship it with the model artefact in the same release.",
      },
    },
    {
      id: "feature-store",
      dimension: "data-features",
      level: 4,
      requirement: "required",
      stage: "scale",
      title: "Shared feature store",
      statement: "Features are defined once in a shared feature store and reused by every model that needs them.",
      source: [
        seed.redglue("Maturity Level 4: the conceptual representation includes a feature store"),
        anchor.google(2, "feature store component"),
        anchor.marvelous(5, "items 47, 49", "features pre-computed in a feature store and shareable across projects"),
      ],
      recommendation: {
        why: "Teams that share features avoid duplicated work and inconsistent feature definitions across models.",
        good: "Features defined once, added by pull request, served offline and online, with usage per model tracked.",
        how: "Start with the features used by two or more models and register them in a feature store such as Feast or your platform's.",
      },
    },
  ],
};

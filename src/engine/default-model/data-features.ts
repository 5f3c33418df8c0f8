import { type DimensionPack, practicesOf } from "./pack.js";
import { anchor, seed } from "./sources.js";

/** Data is where seeds 000 and 003 see the first step: level 1 gathers and prepares data automatically (DataOps). */
export const dataFeatures: DimensionPack = {
  dimension: {
    id: "data-features",
    name: "Data & features",
    rubric: [
      "Data is gathered and prepared by hand for each model.",
      "Data pipelines gather the data and prepare it automatically (DataOps).",
      "Training reads its data from a managed data lake or warehouse, not from copied extracts.",
      "The data preparation pipeline is deployed with the model, so production data is prepared the same way as training data.",
      "A shared feature store provides features to every model, reused across models and teams.",
    ],
    findOut: "Ask the data engineer who feeds your models, and look at where the last training run read its data from.",
  },
  quick: {
    id: "q-data-features",
    dimension: "data-features",
    prompt: "Which best describes how training data is gathered and prepared?",
    options: [
      "Someone pulls and cleans the data by hand for each model",
      "Automated data pipelines gather and prepare the data",
      "Training reads from a managed data lake or warehouse, not from copied extracts",
      "The data preparation pipeline is deployed with the model, so serving prepares data the same way",
      "A shared feature store provides features to every model and team",
    ],
    source: [
      seed.redglue(
        "L0 data manually prepared; L1-L4 data pipelines gather and prepare data automatically; L4 feature store",
      ),
      seed.stages("Level 0 data gathered manually; Level 1 data gathered automatically"),
      seed.mature("§1 deployment: deploy the data pipelines and models together"),
      anchor.google(1, "feature store"),
    ],
  },
  deep: practicesOf("data-features", [
    {
      id: "automated-data-gathering",
      level: 1,
      requirement: "required",
      stage: "repeatable-runs",
      title: "Data gathered by pipelines",
      statement: "Training data is gathered by automated data pipelines, not pulled by hand.",
      source: [
        seed.redglue("L1 process: data pipelines gather data and prepare it automatically"),
        seed.stages("Level 1 model creation: data is gathered automatically"),
        seed.pathway('step "Automation": automate data extraction and loading'),
      ],
      recommendation: {
        why: "Hand-pulled data differs from run to run and from what the model sees in production.",
        good: "A scheduled pipeline extracts the training data from its sources without anyone running queries by hand.",
        how: "Turn the queries and exports you run by hand into a scheduled job in your data platform (Airflow, dbt, a cron job).",
      },
    },
    {
      id: "automated-data-preparation",
      level: 1,
      requirement: "recommended",
      stage: "repeatable-runs",
      title: "Data prepared by pipelines",
      statement:
        "Training data is cleaned and prepared by automated pipelines, not by hand in notebooks or spreadsheets.",
      source: [
        seed.redglue("L1 technology: automation of data preparation"),
        seed.redglue("L0 people: data it's manually prepared"),
      ],
      recommendation: {
        why: "Cleaning done by hand cannot be repeated exactly, so no two models are trained on quite the same data.",
        good: "Cleaning and preparation steps are code that runs in the data pipeline, the same way every time.",
        how: "Move the cleaning steps from notebooks into the data pipeline, one table at a time, and compare the outputs once.",
      },
    },
    {
      id: "managed-data-platform",
      level: 2,
      requirement: "required",
      stage: "tracking",
      title: "Training data from a managed data platform",
      statement:
        "Training reads its data from a managed data lake or warehouse, not from extracts copied to someone's machine.",
      source: [
        seed.pathway('step "Data Management": data warehousing and data lakes to handle large volumes of data'),
        seed.redglue("L2 state: training environment is fully managed; easy to reproduce the model"),
        seed.stages("Automated Training model creation: data is gathered automatically, compute managed"),
      ],
      recommendation: {
        why: "Copies of data on laptops go stale, leak, and make a model impossible to reproduce.",
        good: "Every training run reads from the lake or warehouse the pipelines write to, with access managed there.",
        how: "Point training at the warehouse tables or lake paths the pipelines publish, and stop copying extracts around.",
      },
    },
    {
      id: "data-pipeline-deployed-with-model",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Data preparation deployed with the model",
      statement:
        "Serving prepares its data exactly as training did (the same code deployed with the model, or the same features from a shared store).",
      source: [
        seed.mature("§1 deployment must include both data pipelines and models, deployed together on production data"),
        seed.mature(
          "§1 in less mature operations there is significant work to recode pipelines as they move onto production",
        ),
      ],
      recommendation: {
        why: "When serving re-implements the data preparation, the model sees different inputs in production than in training.",
        good: "One versioned data preparation pipeline is released with each model version to every environment.",
        how: "Package the preparation code with the model (or as a pipeline step released by the same CD run) and delete the hand-written copy.",
      },
    },
    {
      id: "shared-feature-store",
      level: 4,
      requirement: "required",
      stage: "scale",
      title: "Shared feature store",
      statement: "Features are defined once in a shared feature store and reused by every model that needs them.",
      source: [
        seed.redglue(
          "Maturity level 4 includes a model registry, a feature store, performance monitoring and automatic retraining",
        ),
        anchor.google(1, "feature store"),
      ],
      recommendation: {
        why: "Each team re-deriving the same features wastes work and lets training and serving definitions drift apart.",
        good: "Features are defined once, served the same way online and offline, and discoverable by other teams.",
        how: "Start a feature store (Feast, or your platform's) with the features two models already share, then move others as they change.",
      },
    },
  ]),
};

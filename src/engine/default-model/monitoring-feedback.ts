import { type DimensionPack, practicesOf } from "./pack.js";
import { anchor, seed } from "./sources.js";

/**
 * Seed 003 has no model metrics before Automated Training ("basic metrics"), A/B metrics at level 3 and advanced
 * metrics at level 4; seed 000 has only limited feedback until level 4 ("centralized performance metrics of the
 * deployed model", "feedback from production models"). Level 1 is what a DevOps team already watches: the service and
 * the infrastructure (seed 004 §2 service and infrastructure monitoring).
 */
export const monitoringFeedback: DimensionPack = {
  dimension: {
    id: "monitoring-feedback",
    name: "Monitoring & feedback",
    rubric: [
      "No metrics: the model is a black box once it is deployed.",
      "The service or job is monitored with alerts, as any application; the model's performance gets only limited feedback, by hand.",
      "Basic metrics of each model's quality in production are recorded.",
      "Model versions are compared on live metrics (A/B), so a release is judged by how it performs in production.",
      "Performance and data drift of every deployed model are tracked centrally, with alerts.",
    ],
    findOut: "Ask whoever is on call for the model's service what they are alerted about, and look at its dashboards.",
  },
  quick: {
    id: "q-monitoring-feedback",
    dimension: "monitoring-feedback",
    prompt: "Which best describes what you know about your models once they are in production?",
    options: [
      "Nothing until users complain",
      "The service is monitored like any application; we look at model results now and then, by hand",
      "Basic quality metrics are recorded for each model in production",
      "Model versions are compared on live metrics (A/B) before one replaces the other",
      "Performance and drift of every model are tracked centrally, with alerts",
    ],
    source: [
      seed.stages(
        "overview: no metrics (Level 0-1), basic metrics (Automated Training), A/B metrics (Level 3), advanced verbose metrics (Level 4)",
      ),
      seed.redglue(
        "L1 limited feedback on model's performance; L4 centralized performance metrics of the deployed model",
      ),
      seed.mature("§2 monitoring: pipeline, data, infrastructure and service monitoring"),
      seed.roadmap("Level 4: model performance thresholds with alerts, data drift monitoring"),
    ],
  },
  deep: practicesOf("monitoring-feedback", [
    {
      id: "service-monitoring",
      level: 1,
      requirement: "required",
      stage: "monitoring",
      title: "Service monitoring with alerts",
      statement:
        "The service or job that runs the model is monitored for failures and response time, with alerts to someone who acts on them.",
      source: [
        seed.mature("§2: is my service responding in line with my SLA, in response time or throughput?"),
        seed.pathway('step "Monitoring and Alerting": detect and respond to issues in real time'),
      ],
      recommendation: {
        why: "If nobody is told when the model's service or job fails, users find out first.",
        good: "Failures and slow responses page or message the person on duty within minutes.",
        how: "Add health checks and error-rate and latency alerts for the service or job to the monitoring the application already uses.",
      },
    },
    {
      id: "manual-performance-feedback",
      level: 1,
      requirement: "recommended",
      stage: "monitoring",
      title: "Some feedback on the model's performance",
      statement:
        "Someone looks at how the model performs in production from time to time, by hand: reports, spot checks or user feedback.",
      source: [
        seed.redglue("L1 state: limited feedback on model's performance"),
        seed.pathway('step "Establish an Experimentation Environment": feedback loops with business stakeholders'),
      ],
      recommendation: {
        why: "A model nobody looks at after release can be wrong for months before a customer says so.",
        good: "A named person reviews the model's results with the business on a fixed rhythm, even by hand.",
        how: "Put a monthly review of the model's outputs and complaints on the calendar, with the business owner.",
      },
    },
    {
      id: "basic-model-metrics",
      level: 2,
      requirement: "required",
      stage: "monitoring",
      title: "Basic model metrics in production",
      statement:
        "Basic quality metrics of each model in production (such as accuracy on recent labelled data) are recorded regularly.",
      source: [
        seed.stages("Automated Training overview: basic metrics"),
        seed.redglue("L1: limited feedback on model's performance (what level 2 improves on)"),
      ],
      recommendation: {
        why: "Without any quality metric from production, a model can be wrong for months before anyone notices.",
        good: "A scheduled job computes the model's main metric on recent data and stores it where the team looks.",
        how: "Join predictions with the labels as they arrive and chart the model's main metric weekly.",
      },
    },
    {
      id: "live-version-comparison",
      level: 3,
      requirement: "required",
      stage: "monitoring",
      title: "Model versions compared on live metrics",
      statement:
        "A new model version is compared with the current one on live metrics (A/B test, canary or shadow run) before it replaces it.",
      source: [seed.stages("Level 3 overview: A/B metrics"), seed.redglue("L3: possible model test performance")],
      recommendation: {
        why: "Offline metrics do not always hold on live data; a release judged only offline can make things worse.",
        good: "Each release runs beside the current model on part of the traffic (or in shadow) and is promoted on measured results.",
        how: "Send a share of requests (or a copy of the batch input) to the new version and compare both; load-test an online version first.",
      },
    },
    {
      id: "central-model-monitoring",
      level: 4,
      requirement: "required",
      stage: "monitoring",
      title: "Central model monitoring with drift alerts",
      statement:
        "The performance and input data drift of every deployed model are tracked in one central place, with alerts.",
      source: [
        seed.redglue(
          "L4 technology: centralized performance metrics of the deployed model; state: full system automation and monitoring",
        ),
        seed.roadmap("Level 4: monitoring of model performance thresholds with alerts and data drift"),
        seed.mature("§2: is the production data significantly different from the training data?"),
        anchor.azure(4, "centralized performance metrics and automated alerts"),
      ],
      recommendation: {
        why: "Drift and decay spread over many models are only caught when every model reports to one place that alerts.",
        good: "One dashboard shows each model's performance and drift, and the storage, compute and data pipelines under it, with alerts.",
        how: "Adopt a model monitoring tool (Evidently, WhyLabs, your cloud's model monitor) and connect every production model to it.",
      },
    },
  ]),
};

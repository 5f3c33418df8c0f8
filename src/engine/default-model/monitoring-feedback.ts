import type { DimensionPack } from "./pack.js";
import { anchor, seed } from "./sources.js";

export const monitoringFeedback: DimensionPack = {
  dimension: {
    id: "monitoring-feedback",
    name: "Monitoring & feedback",
    rubric: [
      "No centralised tracking of model performance: models are black boxes with little feedback after deployment.",
      "Services and infrastructure are monitored with alerts; feedback on the model's performance is limited.",
      "Data pipelines are monitored too, so failed or late runs are caught before they feed the models.",
      "Data drift and the performance metrics of deployed models are tracked centrally, with alerts.",
      "Feedback from production models flows back automatically into retraining and release decisions.",
    ],
  },
  quick: {
    id: "q-monitoring-feedback",
    dimension: "monitoring-feedback",
    prompt: "Which best describes how you know your models are doing well in production?",
    options: [
      "We find out when users complain",
      "Services and infrastructure are monitored with alerts, but not model quality",
      "Data pipeline runs are monitored too, so failed or late data is caught",
      "Data drift and model performance are tracked centrally for every deployed model",
      "Production feedback flows back automatically into retraining and release decisions",
    ],
    source: [
      seed.redglue(
        "L1: limited feedback on model's performance; L4: centralized performance metrics, feedback from production",
      ),
      seed.mature("§2 Monitoring: pipeline, data, infrastructure and service monitoring"),
      seed.roadmap("Level 4: continuous monitoring of model performance and data drift"),
      anchor.azure(0, "no centralized tracking of model performance"),
      anchor.azure(4, "verbose, centralized metrics from deployed model"),
    ],
  },
  deep: [
    {
      id: "service-health-monitoring",
      dimension: "monitoring-feedback",
      level: 1,
      requirement: "required",
      stage: "monitoring",
      title: "Service monitoring and alerting",
      statement: "The model's service or scoring job is monitored against its SLA, with alerts to a named owner.",
      source: [
        seed.mature("§2 Monitoring: service monitoring, is my service responding in line with my SLA?"),
        seed.pathway('step "Monitoring and Alerting": detect and respond to issues in real time'),
        anchor.testScore("Monitor 6", "the model has not experienced a regression in computing performance"),
      ],
      recommendation: {
        why: "A model that is down or late stays invisible until someone complains, unless it is monitored.",
        good: "Health checks and alerts against the SLA for response time, errors or job completion, routed to an owner.",
        how: "Add the model service or job to your existing monitoring and alerting, with a named owner on the alert route.",
      },
    },
    {
      id: "infrastructure-monitoring",
      dimension: "monitoring-feedback",
      level: 1,
      requirement: "recommended",
      stage: "monitoring",
      title: "Infrastructure monitoring",
      statement: "The storage and compute used for training and serving are monitored, with alerts when they fail.",
      source: [
        seed.mature(
          "§2 Monitoring: infrastructure monitoring, is my storage and compute infrastructure up and running?",
        ),
        anchor.marvelous(4, "item 40", "health of infrastructure resources is monitored, with alerting"),
      ],
      recommendation: {
        why: "Full disks, broken clusters and exhausted quotas stop ML systems as surely as bad models do.",
        good: "Dashboards and alerts for capacity, failures and cost of the ML infrastructure.",
        how: "Tag ML resources, add them to your infrastructure dashboards and set alerts on capacity and budget.",
      },
    },
    {
      id: "pipeline-monitoring",
      dimension: "monitoring-feedback",
      level: 2,
      requirement: "required",
      stage: "monitoring",
      title: "Data pipeline monitoring",
      statement: "Data pipeline runs are monitored, and failed or incomplete runs raise an alert.",
      source: [
        seed.mature("§2 Monitoring: pipeline monitoring, did my data pipeline execute as expected without errors?"),
        anchor.aws("Reliable", "monitoring"),
      ],
      recommendation: {
        why: "A silently failed data pipeline feeds stale or empty data to training and scoring.",
        good: "Every pipeline run reports success, duration and row counts, and anomalies alert the owner.",
        how: "Turn on your orchestrator's failure and SLA alerts and add row-count checks to the critical steps.",
      },
    },
    {
      id: "data-drift-monitoring",
      dimension: "monitoring-feedback",
      level: 3,
      requirement: "required",
      stage: "monitoring",
      title: "Data drift monitoring",
      statement: "Production input data is compared with the training data automatically, and drift raises an alert.",
      source: [
        seed.roadmap(
          "Level 4: data_drift monitoring on a weekly schedule; FAQ: automated tools that detect and alert on data drift",
        ),
        seed.mature(
          "§2 Monitoring: data monitoring, is the production data significantly different from the training data?",
        ),
        anchor.testScore("Monitor 2", "data invariants hold in training and serving inputs"),
        anchor.marvelous(4, "item 45", "distributions of important features recalculated regularly, with alerts"),
      ],
      recommendation: {
        why: "When production data drifts away from training data, model quality degrades long before anyone notices.",
        good: "Feature distributions are compared with the training baseline on a schedule, with thresholds and alerts.",
        how: "Log model inputs and compute drift statistics per feature each week with a tool such as Evidently or whylogs.",
      },
    },
    {
      id: "centralized-model-performance",
      dimension: "monitoring-feedback",
      level: 3,
      requirement: "required",
      stage: "monitoring",
      title: "Central performance metrics of deployed models",
      statement: "Performance metrics of every deployed model are collected in one central place.",
      source: [
        seed.redglue("L4 technology: centralized performance metrics of the deployed model"),
        seed.roadmap("Level 4: model_performance monitoring with a threshold and alerts"),
        anchor.azure(4, "verbose, centralized metrics from deployed model"),
        anchor.testScore("Monitor 7", "the model has not experienced a regression in prediction quality"),
      ],
      recommendation: {
        why: "Offline accuracy says little about today; only live metrics show whether a model still earns its keep.",
        good: "A dashboard per model with live quality metrics (from labels or proxies), per model version, in one place.",
        how: "Join logged predictions with outcomes as they arrive and chart quality per model version on a shared dashboard.",
      },
    },
    {
      id: "api-request-logging",
      dimension: "monitoring-feedback",
      level: 3,
      requirement: "recommended",
      appliesTo: ["online"],
      stage: "monitoring",
      title: "Requests and responses logged",
      statement: "Every request to an online model is logged together with its response, latency and status.",
      source: [
        seed.mature("§2 Monitoring: is my service responding in line with my SLA in response time or throughput?"),
        anchor.marvelous(
          4,
          "item 41",
          "real-time API requests and responses logged; response time and codes monitored",
        ),
        anchor.marvelous(7, "item 58", "inputs and outputs of the model are stored automatically"),
      ],
      recommendation: {
        why: "Without logged requests there is nothing to debug, no drift to measure and no outcomes to join later.",
        good: "Each prediction is logged with its inputs, output, model version, latency and status code.",
        how: "Add structured request logging to the serving layer and ship it to storage the monitoring jobs can query.",
      },
    },
    {
      id: "batch-delivery-continuity",
      dimension: "monitoring-feedback",
      level: 3,
      requirement: "recommended",
      appliesTo: ["batch"],
      stage: "monitoring",
      title: "Batch delivery continuity",
      statement: "Batch scoring output is checked for complete, on-time delivery to the systems that use it.",
      source: [
        seed.mature("§2 Monitoring: did my data pipeline execute as expected without errors?"),
        anchor.marvelous(4, "item 42", "for batch use cases, continuity of delivery to the target system is monitored"),
      ],
      recommendation: {
        why: "Consumers of batch predictions act on whatever output is there, stale or not.",
        good: "Each run's output is checked for freshness and completeness, with an automatic retry and an alert.",
        how: "Add a completeness check and a retry policy to the scoring job, and alert the consumers when output is late.",
      },
    },
    {
      id: "production-feedback-loop",
      dimension: "monitoring-feedback",
      level: 4,
      requirement: "required",
      stage: "retraining",
      title: "Production feedback closes the loop",
      statement:
        "Outcomes from production are joined to predictions automatically and feed retraining and release decisions.",
      source: [
        seed.redglue("L4 state: feedback from production models"),
        seed.stages("Level 4 people: software engineers implementing post-deployment metrics gathering"),
        seed.pathway('step "Feedback Loops": refine models with business stakeholders based on real-world performance'),
        anchor.azure(4, "production systems provide information on how to improve, in some cases automatically"),
        anchor.marvelous(4, "item 44", "a feedback loop monitors KPIs defined with the business stakeholders"),
      ],
      recommendation: {
        why: "Full automation only works when the system learns from its own results without waiting for people.",
        good: "Outcomes are joined to predictions automatically and drive retraining, promotion or rollback.",
        how: "Build the outcome-to-prediction join as a pipeline and wire its metrics into the retraining and rollback triggers.",
      },
    },
  ],
};

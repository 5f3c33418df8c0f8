import type { DimensionPack } from "./pack.js";
import { anchor, seed } from "./sources.js";

export const governanceCompliance: DimensionPack = {
  dimension: {
    id: "governance-compliance",
    name: "Governance & compliance",
    rubric: [
      "No governance: anyone can change production and there is no record of who did what.",
      "Access to production systems is limited to a small number of trained people.",
      "Data privacy and security rules are applied to the data that models use.",
      "Production releases need approvals and sign-offs, and audit logs show that access and change processes are followed.",
      "Compliance with standards and regulations is checked automatically for every model, as part of continuous governance.",
    ],
  },
  quick: {
    id: "q-governance-compliance",
    dimension: "governance-compliance",
    prompt: "Which best describes how your ML systems are governed?",
    options: [
      "Anyone can change production, and there is no record of who did what",
      "Only a few trained people can change production systems",
      "Sensitive data used by models follows our data privacy and security rules",
      "Releases need recorded sign-offs, and audit logs show who accessed or changed what",
      "Compliance checks run automatically for every model and every release",
    ],
    source: [
      seed.mature("§4 AI Governance: limited access to production, audit logs, approvals and sign-offs"),
      seed.pathway('step "Governance and Compliance": industry standards, regulations, data privacy and security'),
      seed.roadmap("Level 4: fully automated workflows with continuous monitoring and governance"),
      anchor.aws("Reliable", "manual evaluation and approval gates"),
    ],
  },
  deep: [
    {
      id: "access-control",
      dimension: "governance-compliance",
      level: 1,
      requirement: "required",
      stage: "governance",
      title: "Limited access to production",
      statement: "Access to production ML systems is limited to a small number of trained people.",
      source: [
        seed.mature("§4 AI Governance: limit access to production systems to a small number of trained people"),
        anchor.marvelous(2, "item 13", "only the CD pipeline can deploy; individual developers have no deploy rights"),
      ],
      recommendation: {
        why: "Fewer hands on production means fewer mistakes and less downtime, and it is the first thing governance asks.",
        good: "Role-based access where only the release pipeline and a few named operators can change production.",
        how: "Review who can write to production models and data, remove personal access, and grant it to pipelines and roles.",
      },
    },
    {
      id: "data-privacy",
      dimension: "governance-compliance",
      level: 2,
      requirement: "required",
      stage: "governance",
      title: "Privacy rules for ML data",
      statement: "Personal and sensitive data used by models is handled under your data privacy rules.",
      source: [
        seed.pathway('step "Governance and Compliance": maintain data privacy and security'),
        anchor.testScore("Data 5", "the data pipeline has appropriate privacy controls"),
      ],
      recommendation: {
        why: "ML pipelines copy data widely, and one unmanaged copy of personal data is a breach waiting to happen.",
        good: "Sensitive fields are classified, minimised or masked in training data, with retention rules applied.",
        how: "Classify the fields in your training sets with your privacy officer, and mask or drop what the models do not need.",
      },
    },
    {
      id: "approvals-signoffs",
      dimension: "governance-compliance",
      level: 3,
      requirement: "required",
      stage: "governance",
      title: "Recorded approvals and sign-offs",
      statement: "Each production release of a model has a recorded approval or sign-off.",
      source: [
        seed.mature("§4 AI Governance: approvals and sign-offs for production projects"),
        seed.redglue("L3 process: release management policy in place"),
        anchor.aws("Reliable", "manual evaluation and approval gates before production"),
      ],
      recommendation: {
        why: "Sign-offs keep business stakeholders and experts in the loop and give auditors a trail.",
        good: "The release pipeline's approval step records who approved which model version, and when.",
        how: "Use your CI/CD system's protected environments or approval steps for production and keep their records.",
      },
    },
    {
      id: "audit-logs",
      dimension: "governance-compliance",
      level: 3,
      requirement: "required",
      stage: "governance",
      title: "Audit and event logs",
      statement: "Access to production ML systems and changes to them are recorded in audit logs.",
      source: [
        seed.mature("§4 AI Governance: audit logs; §3 lifecycle management: access and event logs for troubleshooting"),
      ],
      recommendation: {
        why: "Audit logs prove that access and change processes are followed, and they speed up troubleshooting.",
        good: "Tamper-proof logs of who accessed or changed models, data and configuration, kept for the required period.",
        how: "Turn on audit logging in your ML platform, model registry and data stores, and ship it to central log storage.",
      },
    },
    {
      id: "continuous-compliance",
      dimension: "governance-compliance",
      level: 4,
      requirement: "required",
      stage: "governance",
      title: "Continuous compliance checks",
      statement: "Automated compliance checks block any model release that fails them.",
      source: [
        seed.roadmap("Level 4: fully automated ML workflows with continuous monitoring and governance"),
        seed.pathway('step "Governance and Compliance": compliance with industry standards and regulations'),
        anchor.azure(4, "policy-based automated model promotion"),
      ],
      recommendation: {
        why: "With many models, compliance checked by hand falls behind; automated checks keep every model audit-ready.",
        good: "Policies as code fail a release when a model lacks documentation, approval or lineage.",
        how: "Encode your release checklist as automated policy checks in the pipeline, starting with documentation and approval.",
      },
    },
  ],
};

import { type DimensionPack, practicesOf } from "./pack.js";
import { seed } from "./sources.js";

/**
 * Seed 004 §4 names governance practices (limited access, audit logs, approvals and sign-offs) without levels; seed
 * 000 puts a release management policy at level 3 and seed 002 continuous governance at level 4. Below that the seeds
 * say only what comes with each level's releases: an automated release path (level 1, 000 "automated builds and
 * deployments") and a model registry that records every model version (level 2). Those are asked at 1 and 2, so a
 * team is not held down by governance the seeds never asked of its level.
 */
export const governanceCompliance: DimensionPack = {
  dimension: {
    id: "governance-compliance",
    name: "Governance & compliance",
    rubric: [
      "Anyone can change production by hand, and there is no record of who did what.",
      "Changes reach production only through a release process, and sensitive data follows the privacy rules.",
      "Every model version is on record with who trained it and when.",
      "A release management policy is in place: every model release has a recorded approval.",
      "Compliance checks run automatically and block any model release that fails them.",
    ],
    findOut:
      "Ask your security or compliance contact what they require of model releases, and look at who can deploy to production today.",
  },
  quick: {
    id: "q-governance-compliance",
    dimension: "governance-compliance",
    prompt: "Which best describes how your ML systems are governed?",
    options: [
      "Anyone can change production by hand, and there is no record of who did what",
      "Changes go through a release process, and sensitive data follows the privacy rules",
      "Every model version is on record with who trained it and when",
      "Every model release has a recorded approval under a release policy",
      "Compliance checks run automatically and block a release that fails them",
    ],
    source: [
      seed.mature("§4 AI governance: limited access to production, audit logs, approvals and sign-offs"),
      seed.redglue(
        "L1 automated builds and deployments; L2 model registry tracking and management; L3 release management policy in place",
      ),
      seed.roadmap("Level 4: fully automated ML workflows with continuous monitoring and governance"),
      seed.pathway(
        'step "Governance and Compliance": policies for standards and regulations, data privacy and security',
      ),
    ],
  },
  deep: practicesOf("governance-compliance", [
    {
      id: "controlled-release-path",
      level: 1,
      requirement: "required",
      stage: "governance",
      title: "Changes only through a release process",
      statement:
        "Changes reach the production ML systems only through a release process, never by hand on a live system.",
      source: [
        seed.redglue("L1 technology: automated builds and deployments"),
        seed.mature("§4: limit access to production systems to a small number of trained people"),
      ],
      recommendation: {
        why: "Hand changes on live systems cause downtime nobody can trace, and anyone with access can make them.",
        good: "Production changes go through the pipeline or a ticketed release, and only a few trained people have direct access.",
        how: "Remove direct write access to production ML systems except for a small on-call group, and route changes through the release pipeline.",
      },
    },
    {
      id: "data-privacy-rules",
      level: 1,
      requirement: "recommended",
      stage: "governance",
      title: "Privacy rules for model data",
      statement:
        "Personal and sensitive data used by models is handled under your organisation's privacy and security rules.",
      source: [seed.pathway('step "Governance and Compliance": maintain data privacy and security')],
      recommendation: {
        why: "Models trained on personal data without the rules applied create legal and reputational risk.",
        good: "Sensitive fields are known, access to them is restricted, and training data follows the same rules as any other use.",
        how: "Review with your privacy officer which fields your models use and apply the organisation's rules to them.",
      },
    },
    {
      id: "model-version-records",
      level: 2,
      requirement: "required",
      stage: "governance",
      title: "Record of who trained each model version",
      statement: "Every model version is on record (in a model registry or audit log) with who trained it and when.",
      source: [
        seed.redglue("L2 technology: model registry tracking and management"),
        seed.mature("§4: audit logs to ensure access protocols and change processes are followed"),
      ],
      recommendation: {
        why: "Without a record of who changed what, incidents cannot be traced and regulators cannot be answered.",
        good: "The registry and the cloud's audit logs show who trained, changed and released every model version.",
        how: "Turn on audit logging for the ML services and registry, and keep the logs as long as your policy asks.",
      },
    },
    {
      id: "release-approvals",
      level: 3,
      requirement: "required",
      stage: "governance",
      title: "Recorded release approvals",
      statement: "Each production release of a model has a recorded approval under a release management policy.",
      source: [
        seed.redglue("L3 process: release management policy in place"),
        seed.mature("§4: the governance team may ask for approvals and sign-offs for production projects"),
      ],
      recommendation: {
        why: "Releases nobody approved put models in front of customers without the business or the experts in the loop.",
        good: "The release pipeline records who approved each model version and when, under a written policy.",
        how: "Add a required approval step to the model release pipeline and write down who may approve which models.",
      },
    },
    {
      id: "automated-compliance-checks",
      level: 4,
      requirement: "required",
      stage: "governance",
      title: "Automated compliance checks",
      statement: "Automated compliance checks run on every model release and block a release that fails them.",
      source: [
        seed.roadmap("Level 4: fully automated ML workflows with continuous monitoring and governance"),
        seed.pathway('step "Governance and Compliance": ensure compliance with industry standards and regulations'),
      ],
      recommendation: {
        why: "Manual compliance reviews cannot keep up with automatic retraining and frequent releases.",
        good: "Policy checks (documentation present, fairness and privacy tests passed) run in the release pipeline and block failures.",
        how: "Encode your release policy as automated checks in the pipeline and make a failure stop the release.",
      },
    },
  ]),
};

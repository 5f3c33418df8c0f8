import type { DimensionPack } from "./pack.js";
import { ANCHOR, SEED } from "./sources.js";

export const teamOwnership: DimensionPack = {
  dimension: {
    id: "team-ownership",
    name: "Team & ownership",
    rubric: [
      "Teams organised around skill sets in silos: data engineers, data scientists and software engineers hand work over.",
      "Owners and goals of ML work are written down, but data people and software people still work apart.",
      "Data scientists and data engineers work together to turn experiments into job scripts and pipelines.",
      "Data, ML and software engineers deliver models together as one team, under a release policy.",
      "Teams work tightly together on shared templates and a common platform, so many teams ship ML use cases.",
    ],
  },
  quick: {
    id: "q-team-ownership",
    dimension: "team-ownership",
    prompt: "Which best describes how your ML work is organised and owned?",
    options: [
      "Data scientists work alone; engineers get a model file and make it work somehow",
      "Owners and goals are written down, but data and software people still work in separate silos",
      "Data scientists and data engineers together turn experiments into repeatable pipelines",
      "Data, ML and software engineers ship models as one team with a release policy",
      "Shared templates and a common platform let many teams take ML use cases to production",
    ],
    source: [SEED.redglue, SEED.azure, SEED.stages, ANCHOR.azure(0), ANCHOR.aws("Scalable")],
  },
  deep: [
    {
      id: "ml-owners-named",
      dimension: "team-ownership",
      level: 1,
      requirement: "required",
      stage: "foundations",
      title: "Named owner and goal per model",
      statement: "Every model in production has a named owner, and the business goal or KPI it serves is written down.",
      source: [SEED.azure, SEED.redglue, ANCHOR.marvelous("§1 Documentation, items 1-2")],
      recommendation: {
        why: "Without an owner and a goal nobody notices when a model stops paying its way, and nobody fixes it.",
        good: "A short page per model: owner, business goal and KPI, users, and who to call when it breaks.",
        how: "List your production models in one table this week and fill in owner and KPI; review it each quarter.",
      },
    },
    {
      id: "knowledge-sharing",
      dimension: "team-ownership",
      level: 1,
      requirement: "recommended",
      stage: "foundations",
      title: "Shared lessons learned",
      statement: "Lessons from past ML projects are written down where the whole team can find them.",
      source: [SEED.stages, ANCHOR.aws("Initial")],
      recommendation: {
        why: "Teams repeat the same mistakes when what was learned lives in one person's head.",
        good: "A searchable place (wiki, repo docs) with short write-ups after each project or incident.",
        how: "Hold a 30-minute retrospective at the end of each ML project and keep its notes in the team wiki.",
      },
    },
    {
      id: "ds-de-joint-pipelines",
      dimension: "team-ownership",
      level: 2,
      requirement: "required",
      stage: "pipelines",
      title: "Scientists and engineers build pipelines together",
      statement:
        "Data scientists and data engineers work together to turn experiments into repeatable job scripts or pipelines.",
      source: [SEED.redglue, SEED.azure, ANCHOR.azure(2), SEED.stages],
      recommendation: {
        why: "Notebooks that only their author can run do not survive the author's holiday, let alone production.",
        good: "Experiments become versioned jobs that a data engineer can run and schedule without the author.",
        how: "Pair a data scientist and a data engineer on the next model to turn its notebook into a pipeline step by step.",
      },
    },
    {
      id: "ml-software-one-team",
      dimension: "team-ownership",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "One team from data to release",
      statement:
        "Data scientists, data engineers and software engineers deliver models together, without handing over a model file.",
      source: [SEED.azure, SEED.redglue, ANCHOR.azure(3), ANCHOR.google(0)],
      recommendation: {
        why: "Hand-overs of model files cause training/serving skew and make every release depend on the data person.",
        good: "The people who build the model and the people who run the application share a backlog and a release process.",
        how: "Put one software engineer in the ML team (or the reverse) and make model releases part of the app's release flow.",
      },
    },
    {
      id: "coding-standards",
      dimension: "team-ownership",
      level: 3,
      requirement: "recommended",
      stage: "ci",
      title: "Coding standards and deployment guidelines",
      statement: "The team follows written coding standards and deployment guidelines for ML code.",
      source: [SEED.stages, ANCHOR.marvelous("§3 Code quality")],
      recommendation: {
        why: "Consistent code and deployment habits make ML code reviewable, maintainable and safe to hand over.",
        good: "A short standard (layout, linting, testing, how to deploy) applied in reviews and enforced by CI where possible.",
        how: "Write one page of standards from your best project, add a linter and formatter to CI, and link it in pull requests.",
      },
    },
    {
      id: "shared-templates",
      dimension: "team-ownership",
      level: 4,
      requirement: "required",
      stage: "scale",
      title: "Shared templates and platform",
      statement: "New ML use cases start from shared, modular project templates on a common platform.",
      source: [SEED.stages, ANCHOR.aws("Scalable"), SEED.redglue],
      recommendation: {
        why: "Without reuse every team rebuilds the same pipelines, and the tenth model costs as much as the first.",
        good: "A template library (repo template, pipeline and deployment modules) that takes a new model to production in days.",
        how: "Extract the pipeline and deployment of your best-run model into a template and start the next use case from it.",
      },
    },
  ],
};

import type { DimensionPack } from "./pack.js";
import { anchor, seed } from "./sources.js";

export const teamOwnership: DimensionPack = {
  dimension: {
    id: "team-ownership",
    name: "Team & ownership",
    rubric: [
      "Teams organised around skill sets, in silos: data scientists, data engineers and software engineers hand a single model file across.",
      "Still organised in silos, but the silos have started talking: lessons from past projects are written down and shared.",
      "Data scientists work with data engineers to convert experiments into job scripts and pipelines; software engineers are still apart.",
      "The data team and the software team deliver models together, following shared coding standards and deployment guidelines.",
      "Data scientists, data engineers and software engineers work tightly together on shared templates, so many teams ship ML.",
    ],
  },
  quick: {
    id: "q-team-ownership",
    dimension: "team-ownership",
    prompt: "Which best describes how data scientists, data engineers and software engineers work together?",
    options: [
      "Each group works in its own silo; the software team receives a model file and has to make it work",
      "Still separate groups, but we talk regularly and write down what we learned from past projects",
      "Data scientists and data engineers together turn experiments into repeatable jobs or pipelines",
      "Data, ML and software engineers deliver models as one team, following shared standards",
      "Teams start from shared templates and a common platform, so many teams take models to production",
    ],
    source: [
      seed.redglue(
        "L0-L4 people: teams organised around skillset with silos, then data scientists working with data engineers",
      ),
      seed.stages("people at each level: siloed teams, then data and software teams working tightly together"),
      seed.pathway('steps "Integration and Collaboration" and "Templatize and Productionize Multiple ML Solutions"'),
      anchor.azure(0, "data scientists, data engineers and software engineers siloed"),
      anchor.aws("Scalable", "templated, reusable solutions for many data-science teams"),
    ],
  },
  deep: [
    {
      id: "knowledge-sharing",
      dimension: "team-ownership",
      level: 1,
      requirement: "required",
      stage: "foundations",
      title: "Lessons from past projects shared",
      statement: "Lessons from past ML projects are written down where the whole team can find them.",
      source: [
        seed.pathway('step "Knowledge Sharing": team members learn from past projects and avoid repeating mistakes'),
        seed.pathway('step "Integration and Collaboration": dialogues and workshops to break the silos'),
        anchor.marvelous(1, "items 4-6", "data preparation steps, features and model choice documented"),
      ],
      recommendation: {
        why: "When what was learned lives in one person's head, every new model repeats the same mistakes.",
        good: "A searchable wiki or docs folder with a short write-up after each ML project or incident.",
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
        "Data scientists and data engineers work together to turn experiment code into repeatable jobs or pipelines.",
      source: [
        seed.redglue(
          "L2 people: data scientists working with data engineers to convert experimentation into job scripts",
        ),
        seed.stages("Automated Training, people: data people convert experiments into repeatable code/scripts"),
        anchor.azure(2, "data scientists work directly with data engineers to convert experimentation code into jobs"),
        anchor.aws("Repeatable", "data scientists work with ML engineers"),
      ],
      recommendation: {
        why: "Notebooks that only their author can run do not survive the author's holiday, let alone production.",
        good: "Experiments become versioned jobs that a data engineer can run and schedule without the author.",
        how: "Pair a data scientist and a data engineer on the next model to turn its notebook into a pipeline together.",
      },
    },
    {
      id: "ml-software-one-team",
      dimension: "team-ownership",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Software engineers work with the data team",
      statement:
        "The software engineers who integrate models work with the data team from the start, instead of receiving a finished model file.",
      source: [
        seed.stages("Level 3 people: data team and software team work together"),
        anchor.azure(
          3,
          "software engineers work with data engineers to automate model integration into application code",
        ),
        anchor.google(0, "a model artefact handed over to engineers risks training/serving skew"),
      ],
      recommendation: {
        why: "Hand-overs of model files cause training/serving skew and make every release depend on the data person.",
        good: "The people who build the model and the people who run the application share a backlog and a release flow.",
        how: "Put a software engineer in the ML team for the next model, from the first design to the first release.",
      },
    },
    {
      id: "coding-standards",
      dimension: "team-ownership",
      level: 3,
      requirement: "recommended",
      stage: "ci",
      title: "Written team standard for ML projects",
      statement:
        "Every ML project follows one written team standard for how its code is written, reviewed and deployed.",
      source: [
        seed.pathway(
          'step "Standardize Code Repositories and ML Solution Deployment": coding standards, deployment guidelines',
        ),
        anchor.marvelous(3, "item 31", "pre-commit hooks ensure code follows the code quality guidelines"),
      ],
      recommendation: {
        why: "Consistent code and deployment habits make ML code reviewable, maintainable and safe to hand over.",
        good: "One short page of standards (layout, style, tests, how to deploy), applied in reviews and checked in CI.",
        how: "Write the standards down from your best-run project, add a linter and formatter to CI, and link the page in PRs.",
      },
    },
    {
      id: "shared-templates",
      dimension: "team-ownership",
      level: 4,
      requirement: "required",
      stage: "scale",
      title: "Shared project templates",
      statement: "New ML use cases start from shared, modular project templates instead of being built from scratch.",
      source: [
        seed.pathway(
          'step "Templatize and Productionize Multiple ML Solutions": modular design and template libraries',
        ),
        anchor.aws("Scalable", "templated, reusable solutions so many teams take use cases to production"),
      ],
      recommendation: {
        why: "Without reuse every team rebuilds the same pipelines, and the tenth model costs as much as the first.",
        good: "A template library (repository template, pipeline and deployment modules) that gets a new model live in days.",
        how: "Extract the pipeline and deployment of your best-run model into a template and start the next use case from it.",
      },
    },
  ],
};

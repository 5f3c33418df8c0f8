import { type DimensionPack, practicesOf } from "./pack.js";
import { anchor, seed } from "./sources.js";

/**
 * Seeds 000 and 003 describe the people of levels 0 and 1 alike (silos organised by skill set), so level 1 asks only
 * what a siloed team that ships like a DevOps team already has: clear ownership and shared lessons. Working together
 * starts at level 2 (data scientists with data engineers) and reaches the software team at level 3.
 */
export const teamOwnership: DimensionPack = {
  dimension: {
    id: "team-ownership",
    name: "Team & ownership",
    rubric: [
      "Silos organised by skill set; one person carries a model to production by hand.",
      "Still silos by skill set, but the groups have started working across them: joint planning, shared lessons.",
      "Data scientists and data engineers turn experiments into repeatable jobs together; software engineers are still apart.",
      "The data team and the software team release models together instead of handing a model file across.",
      "Data scientists, data engineers and software engineers work as one team on each model, up to its production metrics.",
    ],
    findOut:
      "Ask the team lead or whoever last took a model to production who did which part, and look at the last release's ticket or chat thread.",
  },
  quick: {
    id: "q-team-ownership",
    dimension: "team-ownership",
    prompt: "Which best describes how data scientists, data engineers and software engineers work together?",
    options: [
      "Separate groups that work on their own and rarely talk about ML work",
      "Still separate groups, but we have started working across them: joint planning, shared lessons learned",
      "Data scientists and data engineers turn experiments into repeatable jobs together; software engineers are apart",
      "The data team and the software team release models together",
      "One team from experiment to production metrics, data, ML and software engineers alike",
    ],
    source: [
      seed.redglue("people: silos by skillset (L0-L1), data scientists with data engineers (L2-L4)"),
      seed.stages(
        "people: siloed (L0-L1), data people with data engineers (Automated Training), data and software teams together (L3), tightly together (L4)",
      ),
      seed.pathway('steps "Integration and Collaboration" and "Knowledge Sharing"'),
      anchor.azure(0, "data scientists, data engineers and software engineers siloed"),
    ],
  },
  deep: practicesOf("team-ownership", [
    {
      id: "cross-team-planning",
      level: 1,
      requirement: "required",
      stage: "repeatable-runs",
      title: "Planning across the silos",
      statement:
        "Data scientists, data engineers and software engineers plan ML work together regularly, even though they sit in separate groups.",
      source: [
        seed.pathway(
          'step "Integration and Collaboration": initiating dialogues and workshops, a stepping stone towards breaking the silos',
        ),
        seed.redglue("L1 people: teams organized around skillset with silos (still separate groups)"),
      ],
      recommendation: {
        why: "Groups that only meet at hand-over find each other's constraints too late, and the model waits.",
        good: "A regular slot where the data, ML and software people working on a model plan the next steps together.",
        how: "Start a fortnightly 30-minute planning session for each model in production with one person from each group.",
      },
    },
    {
      id: "knowledge-sharing",
      level: 1,
      requirement: "recommended",
      stage: "repeatable-runs",
      title: "Lessons from past projects shared",
      statement: "Lessons from past ML projects are written down where the whole team can find them.",
      source: [
        seed.pathway('step "Knowledge Sharing": team members learn from past projects and avoid repeating mistakes'),
        seed.pathway('step "Integration and Collaboration": dialogues and workshops to start breaking the silos'),
      ],
      recommendation: {
        why: "When what was learned lives in one person's head, every new model repeats the same mistakes.",
        good: "A searchable wiki or docs folder with a short write-up after each ML project or incident.",
        how: "Hold a 30-minute retrospective at the end of each ML project and keep its notes in the team wiki.",
      },
    },
    {
      id: "ds-de-joint-pipelines",
      level: 2,
      requirement: "required",
      stage: "pipelines",
      title: "Data scientists and data engineers build jobs together",
      statement:
        "Data scientists and data engineers work together to turn experiment code into repeatable jobs or pipelines.",
      source: [
        seed.redglue(
          "L2 people: data scientists working with data engineers to convert experimentation into job scripts",
        ),
        seed.stages(
          "Automated Training people: data people convert experiments into repeatable code; data scientists working with data engineers",
        ),
      ],
      recommendation: {
        why: "Experiment code thrown over the wall gets rewritten, and the rewrite drifts from what was validated.",
        good: "Data scientists and data engineers pair on turning notebooks into jobs, and both review the result.",
        how: "For the next model, plan the move from notebook to job as shared work with one data scientist and one data engineer.",
      },
    },
    {
      id: "data-software-together",
      level: 3,
      requirement: "required",
      stage: "gated-cd",
      title: "Data and software teams release together",
      statement:
        "The data team and the software team work on model releases together, instead of handing a finished model file across.",
      source: [
        seed.stages("Level 3 people: data team and software team work together"),
        seed.redglue(
          "L3 people: data scientists working with data engineers to convert experimentation into pipelines",
        ),
        anchor.azure(3, "software engineers and data scientists collaborate on the integration"),
      ],
      recommendation: {
        why: "A model file handed to another team arrives without its assumptions, and every release needs the data person.",
        good: "Both teams follow shared coding standards, and review model design and releases together.",
        how: "Invite the software engineers who integrate models to the data team's planning, and agree the model's interface with them first.",
      },
    },
    {
      id: "one-team-to-production-metrics",
      level: 4,
      requirement: "required",
      stage: "scale",
      title: "One team up to production metrics",
      statement:
        "Data scientists, data engineers and software engineers work as one team on each model, including the metrics it reports from production.",
      source: [
        seed.stages(
          "Level 4 people: data team and software team work tightly together; software engineers implement post-deployment metrics gathering",
        ),
        seed.redglue("L4: full system automation and monitoring, feedback from production models"),
      ],
      recommendation: {
        why: "Production metrics nobody in the data team asked for, or nobody in the software team built, never close the loop.",
        good: "The team that trains a model also owns, with its software engineers, the metrics the model reports from production.",
        how: "Start new models from a shared project template that includes post-deployment metrics, built by data and software engineers together.",
      },
    },
  ]),
};

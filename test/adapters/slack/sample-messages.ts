import type { ButtonAction } from "../../../src/chat/actions.js";
import type {
  InvitationMessage,
  NoticeMessage,
  OutboundMessage,
  ProblemMessage,
  QuestionMessage,
  SummaryMessage,
} from "../../../src/chat/outbound.js";

/** Realistic and worst-case neutral messages for the renderer tests. */
const HOSTILE = ["<!channel>", "<https://evil.example|click me>", "<@U0ADMIN>", "a & b > c < d", "*bold* _it_ `code`"];

const nav = (a: "back" | "skip" | "cancel"): ButtonAction => ({ a, c: "C1", r: "round-1" });
const answer = (q: string, v: string): ButtonAction => ({ a: "answer", c: "C1", r: "round-1", q, v });
const long = (n: number, seed = "x") => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);

export function question(labels: string[], extra: Partial<QuestionMessage> = {}): QuestionMessage {
  return {
    kind: "question",
    progress: { index: 3, total: 8, section: "Monitoring & feedback" },
    prompt: "How do you find out that a model in production got worse?",
    options: labels.map((label, i) => ({ label, action: answer("monitoring", String(i)), selected: i === 2 })),
    navigation: [
      { label: "Back", action: nav("back") },
      { label: "Skip", action: nav("skip") },
      { label: "Cancel", action: nav("cancel") },
    ],
    ...extra,
  };
}

export const ladderLabels = [
  "Nobody checks; we hear about it from users when predictions look wrong.",
  "Someone looks at a dashboard of model metrics now and then, by hand, when there is time for it.",
  "Alerts fire on service health and on input data drift; a person decides what to do about them.",
  "Alerts on drift and on model quality against labelled feedback, with runbooks and an owner on call.",
  "Quality and drift monitoring triggers retraining and a gated redeploy automatically, with a human review.",
];

export function summary(dimensions = 8, nameLength = 24, extra: Partial<SummaryMessage> = {}): SummaryMessage {
  return {
    kind: "summary",
    scope: "team",
    title: "#ml-platform · 5 Dec 2026",
    overall: { level: 2, name: "Automated training", previous: 1, unrated: 0 },
    profile: 2.4,
    dimensions: Array.from({ length: dimensions }, (_, i) => ({
      id: `d${i}`,
      name: i < HOSTILE.length ? `${HOSTILE[i]} ${long(nameLength)}` : long(nameLength, `Practice${i}`),
      level: i % 5,
      levelName:
        ["No MLOps", "DevOps, no MLOps", "Automated training", "Automated model deployment", "Full MLOps"][i % 5] ?? "",
      progress: (i * 13) % 100,
      ...(i % 3 === 0 ? { previous: (i + 1) % 5 } : {}),
      ...(i % 4 === 0 ? { spread: { min: 0, max: 4 } } : {}),
      disagreement: i % 4 === 0,
      unresolved: i % 7 === 0,
      ...(i % 2 === 0 ? { target: 3 } : {}),
    })),
    explanation: "Model deployment is manual: releases need a person to copy artefacts. <!here>",
    nextSteps: [1, 2, 3].map((n) => ({
      kind: "build" as const,
      title: `Step ${n}: put models in a registry <@U0ADMIN>`,
      dimension: "Model management",
      unlocksLevel: 3,
      why: long(40 * n, "why"),
      how: long(60 * n, "how"),
    })),
    participation: { completed: 5, inProgress: 2 },
    notes: ["Two people were not sure about monitoring.", "<!channel> notes are text too"],
    buttons: [{ label: "Start a new round", action: { a: "start", c: "C1", m: "quick" }, style: "primary" }],
    ...extra,
  };
}

export function invitation(completed: string[], closed = false, startedBy = "Jane <!channel>"): InvitationMessage {
  return {
    kind: "invitation",
    startedBy,
    mode: "quick",
    completed,
    inProgress: 3,
    closed,
    closes: closed ? "Sat, 12 Dec 2026" : "Sat, 12 Dec 2026, 09:30 CET",
    ...(closed
      ? {}
      : {
          button: {
            label: "Take the assessment",
            action: { a: "join", c: "C1", r: "round-1", m: "quick" },
            style: "primary",
          },
        }),
    text: closed
      ? "This MLOps maturity round is closed."
      : `${startedBy} started an MLOps maturity round (quick, about 3 minutes).`,
  };
}

export function notice(lines: string[], kind: "notice" | "error" = "notice"): NoticeMessage | ProblemMessage {
  return {
    ...(kind === "error" ? { kind, code: "sample_problem" } : { kind }),
    text: "Here is what I can do:",
    lines,
    buttons: [{ label: "Resume", action: { a: "resume", c: "C1", r: "round-1" } }],
  };
}

/** The worst the flows could plausibly send, and then some: every one must still be a valid Slack message. */
export function worstCases(): Array<[string, OutboundMessage]> {
  const hostileLong = (i: number) => `${HOSTILE[i % HOSTILE.length]} ${long(300)}`.slice(0, 300);
  return [
    ["question with five 80-char ladder options", question(ladderLabels.map((l) => long(80, l.slice(0, 20))))],
    [
      "question with 300-char hostile options, a huge prompt and a note",
      question(
        Array.from({ length: 6 }, (_, i) => hostileLong(i)),
        { prompt: long(5000, "<!channel> prompt"), current: "<!here>", note: long(4000, "note &") },
      ),
    ],
    ["question with 30 short options", question(Array.from({ length: 30 }, (_, i) => `Option ${i + 1}`))],
    ["summary of a 48-practice model with 200-char hostile names", summary(48, 200)],
    [
      "summary with enormous texts everywhere",
      summary(48, 2000, {
        title: long(3000, "<!channel> title"),
        explanation: long(5000, "<https://evil|x>"),
        notes: Array.from({ length: 30 }, (_, i) => hostileLong(i)),
        nextSteps: [1, 2, 3].map((n) => ({
          kind: "build" as const,
          title: long(500, `<@U${n}>`),
          dimension: long(300, "dim"),
          unlocksLevel: 4,
          why: long(3000, "why &"),
          how: long(3000, "how <"),
        })),
      }),
    ],
    [
      "invitation with 200 hostile names",
      invitation(Array.from({ length: 200 }, (_, i) => `${HOSTILE[i % 5]} person ${i}`)),
    ],
    ["closed invitation", invitation(["a", "b"], true)],
    ["notice with 200 long lines", notice(Array.from({ length: 200 }, (_, i) => hostileLong(i)))],
    [
      "error with nothing but hostile text",
      { kind: "error", code: "hostile", text: HOSTILE.join(" "), lines: HOSTILE, buttons: [] },
    ],
  ];
}

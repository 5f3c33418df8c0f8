import type { SummaryMessage } from "../../src/chat/outbound.js";
import { defaultModel } from "../../src/engine/default-model/index.js";

export const LEVEL_NAMES = defaultModel.levels.map((l) => l.name);

const line = (
  id: string,
  name: string,
  level: number,
  extra: Partial<SummaryMessage["dimensions"][number]> = {},
): SummaryMessage["dimensions"][number] => ({
  id,
  name,
  level,
  levelName: LEVEL_NAMES[level] ?? "",
  progress: 0,
  disagreement: false,
  unresolved: false,
  ...extra,
});

/** A team two rounds in: some dimensions moved, one disagrees, a target of 3. */
export const sampleSummary: SummaryMessage = {
  kind: "summary",
  scope: "team",
  title: "#ml-platform · 5 Dec 2026",
  overall: { level: 1, name: LEVEL_NAMES[1] ?? "", previous: 0, unrated: 0 },
  profile: 2.1,
  dimensions: [
    line("team", "Team & ownership", 2, { previous: 2, target: 3 }),
    line("data", "Data & features", 2, { previous: 1, target: 3 }),
    line("repro", "Reproducibility & traceability", 3, { previous: 2, target: 3 }),
    line("training", "Training automation", 2, { target: 3, disagreement: true, spread: { min: 1, max: 3 } }),
    line("testing", "Testing & quality", 1, { previous: 0, target: 3 }),
    line("deploy", "Deployment & release", 2, { previous: 1, target: 3 }),
    line("monitoring", "Monitoring & feedback", 1, { previous: 1, target: 3 }),
    line("governance", "Governance & compliance", 4, { previous: 3, target: 3 }),
  ],
  nextSteps: [],
  notes: [],
  buttons: [],
};

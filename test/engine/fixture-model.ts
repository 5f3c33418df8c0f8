import { type AssessmentModel, type ModelInput, modelSchema } from "../../src/engine/model-schema.js";

/**
 * A small model (3 dimensions x 4 levels x 2 practices) so scoring rules can be checked by hand.
 * Practice ids: `<dim>-<level>-req` (required) and `<dim>-<level>-rec` (recommended);
 * `ops-2-online` only applies to online serving.
 */
const dims = ["code", "data", "ops"] as const;
const stages = ["version-control", "pipelines", "monitoring"];

function practicesOf(dim: string, stage: string): ModelInput["deep"] {
  return [1, 2, 3, 4].flatMap((level) =>
    (["req", "rec"] as const).map((kind) => ({
      id: `${dim}-${level}-${kind}`,
      dimension: dim,
      level,
      requirement: kind === "req" ? ("required" as const) : ("recommended" as const),
      stage,
      statement: `${dim} practice at level ${level} (${kind})`,
      title: `${dim} L${level} ${kind}`,
      source: ["test fixture"],
      recommendation: { why: `why ${dim} ${level}`, good: `good ${dim} ${level}`, how: `how ${dim} ${level}` },
    })),
  );
}

export const fixtureModelInput: ModelInput = {
  id: "fixture",
  version: "1",
  name: "Fixture model",
  levels: ["None", "Foundations", "Training", "Deployment", "Operations"].map((name, level) => ({
    level,
    name,
    summary: `${name} summary`,
  })),
  dimensions: dims.map((id) => ({ id, name: id.toUpperCase(), rubric: [0, 1, 2, 3, 4].map((l) => `${id} at ${l}`) })),
  stages,
  context: {
    prompt: "How do you serve?",
    options: [
      { label: "Batch", applies: ["all", "batch"] },
      { label: "Online", applies: ["all", "online"] },
    ],
  },
  quick: dims.map((dim) => ({
    id: `q-${dim}`,
    dimension: dim,
    prompt: `Where is ${dim}?`,
    options: [0, 1, 2, 3, 4].map((l) => `${dim} level ${l}`),
    source: ["test fixture"],
  })),
  deep: [
    ...dims.flatMap((dim, i) => practicesOf(dim, stages[i] ?? "version-control")),
    {
      id: "ops-2-online",
      dimension: "ops",
      level: 2,
      requirement: "required",
      appliesTo: ["online"],
      stage: "monitoring",
      statement: "online only",
      title: "ops online",
      source: ["test fixture"],
      recommendation: { why: "w", good: "g", how: "h" },
    },
  ],
};

export const fixtureModel: AssessmentModel = modelSchema.parse(fixtureModelInput);

/** Answers giving every practice up to `level` in each dimension the same answer, the rest "no". */
export function deepAnswers(levels: Record<string, number>, value = "fully", context = "0"): Record<string, string> {
  const answers: Record<string, string> = { context };
  for (const p of fixtureModel.deep) answers[p.id] = p.level <= (levels[p.dimension] ?? 0) ? value : "no";
  return answers;
}

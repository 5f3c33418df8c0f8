import type { AssessmentModel } from "./model-schema.js";

/**
 * The model's statements by dimension and level, each with the seed lines that put it there: the table in
 * docs/seed-coverage.md, written by `npm run model:export` and checked against the model by a test.
 */
export function seedTable(model: AssessmentModel): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const rows = model.dimensions.flatMap((d) =>
    model.deep
      .filter((p) => p.dimension === d.id)
      .sort((a, b) => a.level - b.level)
      .map(
        (p) => `| ${cell(d.name)} | ${p.level} | \`${p.id}\` | ${cell(p.statement)} | ${cell(p.source.join("; "))} |`,
      ),
  );
  return [
    "| dimension | level | statement id | statement | seed lines |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

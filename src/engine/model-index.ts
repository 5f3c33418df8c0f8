import type { AssessmentModel, Practice } from "./model-schema.js";

/**
 * Lookups derived from a model, built once per model object. Scoring a team re-scores every respondent and
 * explains each of their dimensions: filtering the whole deep list for each of those was most of a round's
 * summary cost. Models are parsed once and never changed, so keying on the object is safe; a model that goes
 * away takes its index with it.
 */
const indexes = new WeakMap<AssessmentModel, Map<string, Practice[][]>>();

function build(model: AssessmentModel): Map<string, Practice[][]> {
  const index = new Map<string, Practice[][]>();
  for (const practice of model.deep) {
    let levels = index.get(practice.dimension);
    if (!levels) {
      levels = [];
      index.set(practice.dimension, levels);
    }
    const atLevel = levels[practice.level];
    if (atLevel) atLevel.push(practice);
    else levels[practice.level] = [practice];
  }
  return index;
}

/** The deep practices of one dimension at one level, in model order (as `model.deep.filter` would give them). */
export function practicesAt(model: AssessmentModel, dimension: string, level: number): readonly Practice[] {
  let index = indexes.get(model);
  if (!index) {
    index = build(model);
    indexes.set(model, index);
  }
  return index.get(dimension)?.[level] ?? [];
}

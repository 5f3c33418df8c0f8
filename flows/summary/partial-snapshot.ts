import type { AssessmentModel } from "../../src/engine/model-schema.js";
import type { RoundRecord } from "../rounds/round-state.js";

type Snapshot = NonNullable<RoundRecord["snapshot"]>;

/**
 * What a partial re-check of one dimension leaves in history: the team's previous levels with that dimension's
 * level replaced by the re-check's, the overall level recomputed by summarise()'s rule on snapshots (the weakest
 * rated core dimension; the profile is the mean of the rated ones). Without a previous round there is nothing to
 * keep: the re-check's own result stands.
 */
export function partialSnapshot(
  model: AssessmentModel,
  before: Snapshot | undefined,
  recheck: Snapshot,
  focus: string,
): Snapshot {
  const checked = recheck.dimensions.find((d) => d.dimension === focus);
  if (!before || !checked) return recheck;
  const dimensions = before.dimensions.some((d) => d.dimension === focus)
    ? before.dimensions.map((d) => (d.dimension === focus ? checked : d))
    : [...before.dimensions, checked];
  const core = new Set(model.dimensions.filter((d) => d.core).map((d) => d.id));
  const deciding = dimensions.filter((d) => core.has(d.dimension));
  const rated = (deciding.length > 0 ? deciding : dimensions).filter((d) => !d.unrated);
  const overall = (rated.length > 0 ? Math.min(...rated.map((d) => d.level)) : 0) as Snapshot["overall"];
  const levels = dimensions.filter((d) => !d.unrated).map((d) => d.level);
  const profile = levels.length > 0 ? Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 10) / 10 : 0;
  return { modelVersion: recheck.modelVersion, overall, profile, dimensions };
}

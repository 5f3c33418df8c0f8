import type { ModelInput } from "../model-schema.js";

type PracticeInput = ModelInput["deep"][number];

/** One dimension with its quick ladder question and its deep practices, kept together in one file. */
export interface DimensionPack {
  dimension: ModelInput["dimensions"][number];
  quick: ModelInput["quick"][number];
  deep: PracticeInput[];
}

/** Practices of one dimension without repeating its id on each (the schema still checks every field). */
export function practicesOf(dimension: string, practices: Omit<PracticeInput, "dimension">[]): PracticeInput[] {
  return practices.map((p) => ({ ...p, dimension }));
}

import type { ModelInput } from "../model-schema.js";

/** One dimension with its quick ladder question and its deep practices, kept together in one file. */
export interface DimensionPack {
  dimension: ModelInput["dimensions"][number];
  quick: ModelInput["quick"][number];
  deep: ModelInput["deep"];
}

import type { Level } from "../../../src/engine/model-schema.js";
/** A team written from the seeds' level descriptions and answered in character, blind to the scoring. */
export interface TeamProfile {
  id: string;
  name: string;
  /** The team as its lead would describe it, from the seeds' own words. */
  description: string;
  /** Seed file and level lines each part of the description comes from. */
  provenance: string[];
  expected: { overall: Level; dimensions: Record<string, Level> };
  /** Deep mode's first next step for this team: the practice its description most lacks, in dependency order. */
  firstStep?: string;
  /**
   * Expectations changed after the first run through the engine, each with why. Only where the team's own answers in
   * both modes agreed with the engine and the description supports it: the profile's guess was wrong, not the model.
   */
  corrections?: string[];
  /** Where the engine and this profile still disagree, asserted as they are so that any change shows, with why. */
  disputes?: { mode: "quick" | "deep"; dimension: string; got: Level; why: string }[];
  quick: Record<string, string>;
  deep: Record<string, string>;
}

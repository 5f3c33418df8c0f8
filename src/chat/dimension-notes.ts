import type { DimensionLine } from "./outbound.js";

/** "↑ was L1" / "↓ was L3"; nothing when unchanged or there is no earlier round. */
export function levelTrend(previous: number | undefined, level: number): string | undefined {
  if (previous === undefined || previous === level) return undefined;
  return `${previous < level ? "↑" : "↓"} was L${previous}`;
}

/**
 * What a summary says beside a dimension's level, in the same words on every platform: trend, spread of answers,
 * disagreement, unresolved "not sure", progress to the next level, target.
 */
export function dimensionNotes(d: DimensionLine): string[] {
  return [
    levelTrend(d.previous, d.level),
    d.spread && d.spread.min !== d.spread.max ? `answers L${d.spread.min}–L${d.spread.max}` : undefined,
    d.disagreement ? "⚠ disagreement" : undefined,
    d.unresolved ? "not sure" : undefined,
    d.level < 4 && d.progress > 0 ? `${Math.round(d.progress)}% to L${d.level + 1}` : undefined,
    d.target !== undefined ? `target L${d.target}` : undefined,
  ].filter((x): x is string => x !== undefined);
}

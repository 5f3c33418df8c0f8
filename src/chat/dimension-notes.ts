import { levelBar } from "./level-bar.js";
import type { DimensionLine, NextStep, SummaryMessage } from "./outbound.js";

/** What a next step is for: a level to reach, or (finding out) a dimension to rate. */
export function stepAim(step: Pick<NextStep, "kind" | "unlocksLevel">): string {
  return step.kind === "find-out" ? "to rate it" : `towards L${step.unlocksLevel}`;
}

/** An unrated dimension's bar: a question mark, never an empty (level 0) bar. Same width as levelBar. */
const UNRATED_BAR = "   ?    ";

/** The bar beside a dimension. */
export function dimensionBar(d: DimensionLine): string {
  return d.unresolved ? UNRATED_BAR : levelBar(d.level);
}

/** "L2 Automated training", or "? not rated" when nobody who answered knew. */
export function dimensionLevel(d: DimensionLine): string {
  return d.unresolved ? "? not rated" : `L${d.level} ${d.levelName}`;
}

/**
 * The headline: the weakest rated dimension's level, said to be provisional while some dimensions are unrated
 * ("Level 3 · Automated model deployment · provisional: 1 dimension unrated"), or that nothing could be rated.
 */
export function headline(s: Pick<SummaryMessage, "overall" | "dimensions">): string {
  const unrated = s.overall.unrated;
  if (unrated > 0 && unrated >= s.dimensions.length) return "Not rated yet: every answer was Not sure or skipped";
  const level = `Level ${s.overall.level} · ${s.overall.name}`;
  return unrated === 0 ? level : `${level} · provisional: ${unrated} dimension${unrated === 1 ? "" : "s"} unrated`;
}

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
    d.unresolved ? "find out: nobody was sure" : undefined,
    !d.unresolved && d.level < 4 && d.progress > 0 ? `${Math.round(d.progress)}% to L${d.level + 1}` : undefined,
    d.target !== undefined ? `target L${d.target}` : undefined,
  ].filter((x): x is string => x !== undefined);
}

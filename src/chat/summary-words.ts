import { dimensionNotes, levelTrend } from "./dimension-notes.js";
import type { DimensionLine, SummaryMessage } from "./outbound.js";

/**
 * The words of a phone-first summary, the same on every platform: one short line per dimension, the terms
 * explained once, the target said once, the rest (spread, disagreement, progress) as details.
 */

/** The team's target: every dimension carries the same one, so it is said once, above the rows. */
export function sharedTarget(s: Pick<SummaryMessage, "dimensions">): number | undefined {
  return s.dimensions.find((d) => d.target !== undefined)?.target;
}

/** A dimension's level in a few characters: "L2 ↑ was L1", "L3 ⚠", "?". */
export function shortLevel(d: DimensionLine): string {
  if (d.unresolved) return "? not rated";
  const trend = levelTrend(d.previous, d.level);
  return [`L${d.level}`, ...(trend ? [trend] : []), ...(d.disagreement ? ["⚠"] : [])].join(" ");
}

/** "Average L2.4 across 8 dimensions": the mean, named as what it is, said beside the headline. */
export function averageLine(s: Pick<SummaryMessage, "profile" | "dimensions" | "overall">): string {
  const trend = levelTrend(s.overall.previous, s.overall.level);
  return [`average L${s.profile.toFixed(1)} across ${s.dimensions.length} dimensions`, ...(trend ? [trend] : [])].join(
    " · ",
  );
}

/** Each term the rows use, explained once; only the ones that appear. */
export function legend(s: Pick<SummaryMessage, "dimensions">): string {
  const target = sharedTarget(s);
  const has = (test: (d: DimensionLine) => boolean) => s.dimensions.some(test);
  return [
    "Level = the weakest dimension's, from 0 (none) to 4 (full MLOps)",
    ...(target === undefined ? [] : [`target L${target}`]),
    ...(has((d) => d.unresolved) ? ["? = nobody was sure"] : []),
    ...(has((d) => d.previous !== undefined && d.previous !== d.level) ? ["↑↓ since the last round"] : []),
    ...(has((d) => d.disagreement) ? ["⚠ answers disagree"] : []),
  ].join(" · ");
}

/** Who answered; once the round is closed nobody is "in progress": those who had not finished are not counted. */
export function participationLine(p: NonNullable<SummaryMessage["participation"]>): string {
  const completed = `${p.completed} completed`;
  if (!p.closed) return `${completed} · ${p.inProgress} in progress`;
  return p.inProgress > 0 ? `${completed} · ${p.inProgress} did not finish: their answers are not counted` : completed;
}

/** What a dimension's row leaves for the details: spread, disagreement, progress (not the trend or the target). */
export function detailNotes(d: DimensionLine): string[] {
  const trend = levelTrend(d.previous, d.level);
  return dimensionNotes(d).filter((note) => note !== trend && !note.startsWith("target "));
}

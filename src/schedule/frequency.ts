import type { Cadence } from "./cadence.js";
import { nextDue } from "./next-due.js";

const HOUR_MS = 3_600_000;
/**
 * A channel gets at most one reminder a day. A daily cadence is 23 hours apart on the day clocks go forward, so
 * that is the shortest gap allowed; anything more frequent (every minute, twice a day) is refused.
 */
export const MIN_REMINDER_GAP_MS = 23 * HOUR_MS;
/** Enough due times to see a cadence's pattern (a cron's hours within a day, its days within weeks). */
const SAMPLED_GAPS = 64;

/** The time from the first due instant after `from` to the one after it. */
export function reminderGapMs(cadence: Cadence, from: Date): number {
  const first = nextDue(cadence, from);
  return nextDue(cadence, first).getTime() - first.getTime();
}

/** True when two of the cadence's next due instants fall closer together than a reminder a day allows. */
export function tooFrequent(cadence: Cadence, from: Date): boolean {
  let at = nextDue(cadence, from);
  for (let i = 0; i < SAMPLED_GAPS; i++) {
    const next = nextDue(cadence, at);
    if (next.getTime() - at.getTime() < MIN_REMINDER_GAP_MS) return true;
    at = next;
  }
  return false;
}

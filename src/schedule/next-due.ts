import type { Cadence, CalendarCadence } from "./cadence.js";
import { nextCron, parseCron, previousCron } from "./cron.js";
import { dayNumber, daysInMonth, fromDayNumber, fromLocal, isoWeekday, type PlainDate, toLocal } from "./zoned-time.js";

/**
 * When a team is due, in the cadence's own time zone. Pure: every instant is passed in.
 * DST (see fromLocal): a skipped local time moves forward by the gap; a repeated one fires once, at its first
 * occurrence. Month ends: day 29-31 falls on the month's last day where the month is shorter.
 */

/** Longest gap between two due dates, in days: how far back previousDue has to look. */
const LONGEST_GAP_DAYS = { weekly: 7, biweekly: 14, monthly: 31, quarterly: 92 } as const;
/** Phase when a cadence names none: biweekly counts from the week of this Monday, quarterly from January. */
const DEFAULT_ANCHOR: PlainDate = { year: 2024, month: 1, day: 1 };

function parseAnchor(anchor: string | undefined): PlainDate {
  if (!anchor) return DEFAULT_ANCHOR;
  const [year = 0, month = 0, day = 0] = anchor.split("-").map(Number);
  return { year, month, day };
}

const shiftDays = (date: PlainDate, days: number) => fromDayNumber(dayNumber(date) + days);

/** The cadence's first due date on or after `from` (local dates, no zone involved). */
function firstDueDate(cadence: CalendarCadence, from: PlainDate): PlainDate {
  const anchor = parseAnchor(cadence.anchor);
  if ("weekday" in cadence) {
    let n = dayNumber(from) + ((cadence.weekday - isoWeekday(from) + 7) % 7);
    // Whole weeks between the Monday of day n and the Monday of the anchor's week.
    const weeks = (n - cadence.weekday - dayNumber(anchor) + isoWeekday(anchor)) / 7;
    if (cadence.kind === "biweekly" && weeks % 2 !== 0) n += 7;
    return fromDayNumber(n);
  }
  const step = cadence.kind === "monthly" ? 1 : 3;
  let index = from.year * 12 + from.month - 1;
  index += (((anchor.month - 1 - index) % step) + step) % step;
  for (; ; index += step) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const date = { year, month, day: Math.min(cadence.day, daysInMonth(year, month)) };
    if (dayNumber(date) >= dayNumber(from)) return date;
  }
}

function dueAt(cadence: CalendarCadence, date: PlainDate): number {
  const [hour = 0, minute = 0] = cadence.time.split(":").map(Number);
  return fromLocal({ ...date, hour, minute, second: 0 }, cadence.timeZone);
}

/** The first due instant strictly after `after`. */
export function nextDue(cadence: Cadence, after: Date): Date {
  const afterMs = after.getTime();
  if (cadence.kind === "cron") {
    const next = nextCron(parseCron(cadence.expression), cadence.timeZone, afterMs);
    if (next === undefined) throw new RangeError(`cron "${cadence.expression}" does not fire within 30 years`);
    return new Date(next);
  }
  // Start a day early: next to a DST change, a slot on the previous local date can still lie after `after`.
  let date = firstDueDate(cadence, shiftDays(toLocal(afterMs, cadence.timeZone), -1));
  for (;;) {
    const at = dueAt(cadence, date);
    if (at > afterMs) return new Date(at);
    date = firstDueDate(cadence, shiftDays(date, 1));
  }
}

/**
 * The last due instant at or before `atOrBefore`; undefined only for a cron that did not fire in 30 years. The
 * inverse of nextDue: the property tests walk back with it to check that nothing was due in between.
 */
export function previousDue(cadence: Cadence, atOrBefore: Date): Date | undefined {
  const limit = atOrBefore.getTime();
  if (cadence.kind === "cron") {
    const previous = previousCron(parseCron(cadence.expression), cadence.timeZone, limit);
    return previous === undefined ? undefined : new Date(previous);
  }
  // Walk forward from one longest gap (and a day of slack) back: two or three steps.
  const start = shiftDays(toLocal(limit, cadence.timeZone), -LONGEST_GAP_DAYS[cadence.kind] - 2);
  let latest: Date | undefined;
  for (let date = firstDueDate(cadence, start); ; date = firstDueDate(cadence, shiftDays(date, 1))) {
    const at = dueAt(cadence, date);
    if (at > limit) return latest;
    latest = new Date(at);
  }
}

/** A stable id of one due time, for exactly-once claims: the instant in ISO UTC, whatever the zone. */
export function slotId(due: Date): string {
  return due.toISOString();
}

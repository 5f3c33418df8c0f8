import type { Cadence } from "./cadence.js";
import { nextCron, parseCron } from "./cron.js";
import { addDays, daysInMonth, fromLocal, type LocalDateTime, toLocal } from "./zoned-time.js";

/**
 * When a team is next due, strictly after `after`, in the cadence's own time zone. Pure: `after` is passed in.
 * DST: a skipped local time moves forward by the gap; a repeated one fires once, at its first occurrence.
 */
export function nextDue(cadence: Cadence, after: Date): Date {
  const afterMs = after.getTime();
  if (cadence.kind === "cron") {
    const next = nextCron(parseCron(cadence.expression), cadence.timeZone, afterMs);
    if (next === undefined) throw new RangeError(`cron "${cadence.expression}" never fires`);
    return new Date(next);
  }
  const [hour = 0, minute = 0] = cadence.time.split(":").map(Number);
  const start = toLocal(afterMs, cadence.timeZone);
  const at = (date: { year: number; month: number; day: number }) =>
    fromLocal({ ...date, hour, minute } satisfies LocalDateTime, cadence.timeZone);

  if (cadence.kind === "weekly" || cadence.kind === "biweekly") {
    const anchor = cadence.anchor ? new Date(`${cadence.anchor}T00:00:00Z`) : new Date(Date.UTC(2024, 0, 1));
    const mondayOf = (d: { year: number; month: number; day: number }) => {
      const utc = Date.UTC(d.year, d.month - 1, d.day);
      const weekday = new Date(utc).getUTCDay() || 7;
      return utc - (weekday - 1) * 86_400_000;
    };
    const anchorMonday = mondayOf({
      year: anchor.getUTCFullYear(),
      month: anchor.getUTCMonth() + 1,
      day: anchor.getUTCDate(),
    });
    for (let i = 0; i < 22; i++) {
      const date = addDays(start, i);
      const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
      if (weekday !== cadence.weekday) continue;
      const weeks = Math.round((mondayOf(date) - anchorMonday) / (7 * 86_400_000));
      if (cadence.kind === "biweekly" && weeks % 2 !== 0) continue;
      const candidate = at(date);
      if (candidate > afterMs) return new Date(candidate);
    }
  } else if (cadence.kind === "monthly" || cadence.kind === "quarterly") {
    const step = cadence.kind === "quarterly" ? 3 : 1;
    const phase = cadence.kind === "quarterly" ? (cadence.anchorMonth ?? 1) : 1;
    for (let i = 0; i < 15; i++) {
      const monthIndex = start.year * 12 + (start.month - 1) + i;
      const year = Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      if ((((month - phase) % step) + step) % step !== 0) continue;
      const candidate = at({ year, month, day: Math.min(cadence.day, daysInMonth(year, month)) });
      if (candidate > afterMs) return new Date(candidate);
    }
  }
  throw new RangeError(`no due time found for ${JSON.stringify(cadence)}`);
}

/** A stable id of one due time, for exactly-once claims: the instant in ISO UTC. */
export function slotId(due: Date): string {
  return due.toISOString();
}

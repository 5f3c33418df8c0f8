import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cadence, CalendarCadence } from "../../src/schedule/cadence.js";
import { nextDue, previousDue } from "../../src/schedule/next-due.js";
import { daysInMonth, isoWeekday, offsetAt, offsetsAround, toLocal } from "../../src/schedule/zoned-time.js";

/** Zones with every kind of change: 1 h both hemispheres, 30 min (Lord Howe), at midnight (Santiago), at 02:45 (Chatham). */
const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Pacific/Chatham",
  "Asia/Kolkata",
  "UTC",
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, "0");

const zone = fc.constantFrom(...ZONES);
// Half the times fall in the small hours, where DST changes happen.
const time = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);
const anchor = fc.option(
  fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10)),
  { nil: undefined },
);
const calendarCadence: fc.Arbitrary<CalendarCadence> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("weekly" as const, "biweekly" as const),
    // Half of them on Sundays, the day most zones change on.
    weekday: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(7)),
    time,
    timeZone: zone,
    anchor,
  }),
  fc.record({
    kind: fc.constantFrom("monthly" as const, "quarterly" as const),
    day: fc.integer({ min: 1, max: 31 }),
    time,
    timeZone: zone,
    anchor,
  }),
);
const list = (min: number, max: number) =>
  fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 3 }).map((v) => v.join(","));
const cronCadence: fc.Arbitrary<Cadence> = fc
  .tuple(
    list(0, 59),
    fc.oneof(fc.constant("*"), list(0, 23)),
    fc.oneof(fc.constant("*"), list(1, 31)),
    fc.oneof(fc.constant("*"), list(0, 6)),
    zone,
  )
  .map(([m, h, dom, dow, timeZone]) => ({ kind: "cron", expression: `${m} ${h} ${dom} * ${dow}`, timeZone }));
const year = fc.integer({ min: 2024, max: 2039 });
/** Any time, or the weeks around the changes of these zones (March-April and September-November). */
const after = fc
  .oneof(
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2040, 0, 1) }),
    fc.tuple(year, fc.integer({ min: 0, max: 40 * DAY })).map(([y, ms]) => Date.UTC(y, 2, 5) + ms),
    fc.tuple(year, fc.integer({ min: 0, max: 70 * DAY })).map(([y, ms]) => Date.UTC(y, 8, 1) + ms),
  )
  .map((ms) => new Date(ms));

/** Independent of the code under test: does any instant in [from, to) show this date and time on the zone's clock? */
function wallTimeShown(timeZone: string, from: number, to: number, date: string, hhmm: string): boolean {
  for (let t = from; t < to; t += 60_000) {
    const l = toLocal(t, timeZone);
    if (`${l.year}-${pad(l.month)}-${pad(l.day)}` === date && `${pad(l.hour)}:${pad(l.minute)}` === hhmm) return true;
  }
  return false;
}

/** Consecutive due instants of a calendar cadence are this far apart, give or take a DST change. */
const SPACING_DAYS = { weekly: [7, 7], biweekly: [14, 14], monthly: [28, 31], quarterly: [89, 92] } as const;

/** Shared by both kinds: strictly after, strictly increasing, and nothing due in between (checked via previousDue). */
function expectOrdered(cadence: Cadence, from: Date): [Date, Date] {
  const first = nextDue(cadence, from);
  const second = nextDue(cadence, first);
  expect(first.getTime()).toBeGreaterThan(from.getTime());
  expect(second.getTime()).toBeGreaterThan(first.getTime());
  expect(previousDue(cadence, first)?.getTime()).toBe(first.getTime());
  expect(previousDue(cadence, new Date(first.getTime() - 1))?.getTime() ?? 0).toBeLessThanOrEqual(from.getTime());
  return [first, second];
}

/** Every DST change of a zone in 2026-2030, to the minute: whole days where the offset moves, then bisection. */
function changes(timeZone: string): number[] {
  const found: number[] = [];
  for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2031, 0, 1); day += DAY) {
    if (offsetAt(day, timeZone) === offsetAt(day + DAY, timeZone)) continue;
    let [lo, hi] = [day, day + DAY];
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, timeZone) === offsetAt(lo, timeZone)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}
const CHANGES = ZONES.map((z) => [z, changes(z)] as const).filter(([, c]) => c.length > 0);

/** The calendar checks, shared by the random and the DST-targeted runs. */
function checkCalendar(cadence: CalendarCadence, from: Date): void {
  const [first, second] = expectOrdered(cadence, from);
  const local = toLocal(first.getTime(), cadence.timeZone);
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  const at = first.getTime();
  if (`${pad(local.hour)}:${pad(local.minute)}` !== cadence.time) {
    // Moved: only allowed if that wall time did not exist that day.
    expect(wallTimeShown(cadence.timeZone, at - 3 * HOUR, at + 3 * HOUR, date, cadence.time)).toBe(false);
  } else if (offsetsAround(at, cadence.timeZone).min !== offsetsAround(at, cadence.timeZone).max) {
    // Near a change: this is the first time the clock shows it (a repeated time fires at its first occurrence).
    expect(wallTimeShown(cadence.timeZone, at - 3 * HOUR, at, date, cadence.time)).toBe(false);
  }
  if ("weekday" in cadence) expect(isoWeekday(local)).toBe(cadence.weekday);
  else expect(local.day).toBe(Math.min(cadence.day, daysInMonth(local.year, local.month)));
  const [min, max] = SPACING_DAYS[cadence.kind];
  const gap = second.getTime() - first.getTime();
  expect(gap).toBeGreaterThanOrEqual(min * DAY - HOUR);
  expect(gap).toBeLessThanOrEqual(max * DAY + HOUR);
}

describe("nextDue properties", () => {
  it("calendar cadences: ordered, on a due date, at the cadence's wall time unless that time did not exist", () => {
    fc.assert(fc.property(calendarCadence, after, checkCalendar), { numRuns: 500 });
  });

  it("around every DST change of 2026-2030: the same checks on the day of the change", () => {
    const aroundChange = fc
      .tuple(fc.constantFrom(...CHANGES), fc.nat(), time, fc.boolean(), fc.integer({ min: 1, max: 6 * DAY }))
      .map(([[timeZone, changes], pick, time, byWeekday, before]) => {
        const change = changes[pick % changes.length] ?? 0;
        const local = toLocal(change, timeZone);
        const cadence: CalendarCadence = byWeekday
          ? { kind: "weekly", weekday: isoWeekday(local), time, timeZone }
          : { kind: "monthly", day: local.day, time, timeZone };
        return [cadence, new Date(change - before)] as const;
      });
    fc.assert(
      fc.property(aroundChange, ([cadence, from]) => checkCalendar(cadence, from)),
      { numRuns: 500 },
    );
  });

  it("cron cadences: ordered, and on a matching minute and hour unless moved by a DST gap", () => {
    fc.assert(
      fc.property(cronCadence, after, (cadence, from) => {
        const [first] = expectOrdered(cadence, from);
        if (cadence.kind !== "cron") return;
        const [minutes = "", hours = ""] = cadence.expression.split(" ");
        const local = toLocal(first.getTime(), cadence.timeZone);
        const { min, max } = offsetsAround(first.getTime(), cadence.timeZone);
        const matches =
          minutes.split(",").includes(String(local.minute)) &&
          (hours === "*" || hours.split(",").includes(String(local.hour)));
        expect(matches || min !== max).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Standard 5-field cron expressions (minute hour day-of-month month day-of-week) evaluated in a time zone.
 * Matching walks local days and only the matching hours and minutes, so a yearly expression costs ~366 steps.
 */
import { addDays, fromLocal, toLocal } from "./zoned-time.js";

export interface CronFields {
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>; // 0-6, Sunday = 0
  /** Cron's rule: when both day fields are restricted, a day matches if either does. */
  dayOr: boolean;
}

const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];
const NAMES: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

function field(text: string, [min, max]: [number, number]): number[] {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in "${part}"`);
    const value = (s: string) => {
      const n = NAMES[s.toLowerCase()] ?? Number(s);
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`"${s}" is outside ${min}-${max}`);
      return n;
    };
    const [from, to] =
      range === "*"
        ? [min, max]
        : range.includes("-")
          ? range.split("-").map(value)
          : [value(range), stepText ? max : value(range)];
    if (from === undefined || to === undefined || from > to) throw new Error(`bad range "${range}"`);
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return [...values].sort((a, b) => a - b);
}

export function parseCron(expression: string): CronFields {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error("a cron expression has 5 fields: minute hour day month weekday");
  const [m, h, dom, mon, dow] = parts.map((p, i) => field(p, RANGES[i] ?? [0, 0]));
  return {
    minutes: m ?? [],
    hours: h ?? [],
    days: new Set(dom),
    months: new Set(mon),
    weekdays: new Set((dow ?? []).map((d) => d % 7)),
    dayOr: parts[2] !== "*" && parts[4] !== "*",
  };
}

/** First instant strictly after `afterMs` matching the expression in the zone; undefined if none within 5 years. */
export function nextCron(fields: CronFields, timeZone: string, afterMs: number): number | undefined {
  const start = toLocal(afterMs, timeZone);
  let date = { year: start.year, month: start.month, day: start.day };
  for (let i = 0; i < 366 * 5; i++, date = addDays(date, 1)) {
    if (!fields.months.has(date.month)) continue;
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    const domOk = fields.days.has(date.day);
    const dowOk = fields.weekdays.has(weekday);
    if (!(fields.dayOr ? domOk || dowOk : domOk && dowOk)) continue;
    for (const hour of fields.hours) {
      for (const minute of fields.minutes) {
        const at = fromLocal({ ...date, hour, minute }, timeZone);
        if (at > afterMs) return at;
      }
    }
  }
  return undefined;
}

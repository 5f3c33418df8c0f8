/**
 * Cron expressions as crontab(5) reads them: 5 fields (minute hour day-of-month month weekday), or 6 with seconds
 * first (as node-cron accepts), evaluated on the wall clock of a time zone.
 *
 * Our own, because node-cron 4 only computes next runs from the real clock (`getNextRun()` reads `new Date()`),
 * never backwards, and joins the two day fields with AND where crontab uses OR.
 */
import { CodedError } from "../errors.js";
import {
  dayNumber,
  daysInMonth,
  fromDayNumber,
  fromLocal,
  fromWallMs,
  isoWeekday,
  type LocalDateTime,
  offsetsAround,
  type PlainDate,
  wallMs,
} from "./zoned-time.js";

/** A cron expression that cannot be used: the message says which field is wrong, for the person who typed it. */
export class CronError extends CodedError {
  readonly code = "cron_invalid";
}

export interface CronFields {
  /** Ascending. */
  seconds: number[];
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  /** 0 = Sunday ... 6 = Saturday (7 is read as Sunday too). */
  weekdays: Set<number>;
  /** crontab's rule: when both day fields are restricted, a day matches if either does. */
  dayOr: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const SPECS: FieldSpec[] = [
  { name: "second", min: 0, max: 59 },
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["", ...MONTHS] },
  { name: "weekday", min: 0, max: 7, names: WEEKDAYS },
];
/** How far a search looks: every date has fallen on every weekday within 28 years. */
const SEARCH_YEARS = 30;

function parseValue(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  const value = named >= 0 ? named : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= spec.min && value <= spec.max)) {
    throw new CronError(`${spec.name} "${text}" is not in ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec): number[] {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    const match = /^(\*|\?|\w+)(?:-(\w+))?(?:\/(\d+))?$/.exec(item);
    const [, from = "", to, step] = match ?? [];
    const wildcard = from === "*" || from === "?";
    if (!match || (wildcard && to !== undefined)) {
      throw new CronError(`${spec.name} "${item}" is not a value, a range (1-5), a list (1,3) or a step (*/15)`);
    }
    const low = wildcard ? spec.min : parseValue(from, spec);
    let high = wildcard ? spec.max : to !== undefined ? parseValue(to, spec) : step !== undefined ? spec.max : low;
    // "fri-sun": Sunday may close a weekday range as 7.
    if (spec.names === WEEKDAYS && high === 0 && low > 0) high = 7;
    const stride = step === undefined ? 1 : Number(step);
    if (stride < 1) throw new CronError(`${spec.name} step "/${step}" must be at least 1`);
    if (low > high) throw new CronError(`${spec.name} range "${item}" runs backwards`);
    for (let v = low; v <= high; v += stride) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/** Parses and checks an expression; throws CronError saying which field is wrong, or that it can never fire. */
export function parseCron(expression: string): CronFields {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) {
    throw new CronError(
      `a cron expression has 5 fields (minute hour day month weekday), or 6 with seconds first; this one has ${parts.length}`,
    );
  }
  const texts = parts.length === 5 ? ["0", ...parts] : parts;
  const field = (i: number) => parseField(texts[i] ?? "", SPECS[i]!);
  const restricted = (i: number) => !/^[*?]/.test(texts[i] ?? "");
  const days = field(3);
  const months = field(4);
  const fields: CronFields = {
    seconds: field(0),
    minutes: field(1),
    hours: field(2),
    days: new Set(days),
    months: new Set(months),
    weekdays: new Set(field(5).map((d) => d % 7)),
    dayOr: restricted(3) && restricted(5),
  };
  // Without the OR, "30 2" (30 February) would make every search run 30 years for nothing. 29 February counts.
  if (!fields.dayOr && !months.some((m) => days.some((d) => d <= daysInMonth(2028, m)))) {
    throw new CronError("that day of the month never occurs in those months");
  }
  return fields;
}

function dayMatches(f: CronFields, date: PlainDate): boolean {
  const byDay = f.days.has(date.day);
  const byWeekday = f.weekdays.has(isoWeekday(date) % 7);
  return f.dayOr ? byDay || byWeekday : byDay && byWeekday;
}

/** The first [hour, minute, second] at or after (dir 1) / at or before (dir -1) `bound`; any time if no bound. */
function seekTime(levels: number[][], bound: number[] | undefined, dir: 1 | -1): number[] | undefined {
  const [values, ...rest] = levels;
  if (!values) return [];
  const limit = bound?.[0];
  for (const v of dir === 1 ? values : values.toReversed()) {
    if (limit !== undefined && (v - limit) * dir < 0) continue;
    const tail = seekTime(rest, v === limit ? bound?.slice(1) : undefined, dir);
    if (tail) return [v, ...tail];
  }
  return undefined;
}

/**
 * The first matching wall-clock time at or after (dir 1) / at or before (dir -1) `from`. Steps by field: a month
 * that cannot match is skipped whole, a day that cannot match costs one check, and on a matching day the time is
 * found field by field, never minute by minute.
 */
function seek(f: CronFields, from: LocalDateTime, dir: 1 | -1): LocalDateTime | undefined {
  let date: PlainDate = from;
  let bound: number[] | undefined = [from.hour, from.minute, from.second];
  while (Math.abs(date.year - from.year) <= SEARCH_YEARS) {
    if (!f.months.has(date.month)) {
      // To the 1st of the next month, or the last day of the previous one.
      const edge = dir === 1 ? daysInMonth(date.year, date.month) + 1 : 0;
      date = fromDayNumber(dayNumber({ ...date, day: 1 }) + edge - 1);
    } else {
      const time = dayMatches(f, date) ? seekTime([f.hours, f.minutes, f.seconds], bound, dir) : undefined;
      if (time) return { ...date, hour: time[0] ?? 0, minute: time[1] ?? 0, second: time[2] ?? 0 };
      date = fromDayNumber(dayNumber(date) + dir);
    }
    bound = undefined;
  }
  return undefined;
}

/**
 * First instant strictly after `afterMs` that matches in the zone; undefined if none within 30 years.
 * A wall time in a DST gap moves forward by the gap, a repeated one fires at its first occurrence (see fromLocal).
 */
export function nextCron(f: CronFields, timeZone: string, afterMs: number): number | undefined {
  // instant = wall - offset > after, so no wall before after + (smallest nearby offset) can be the answer.
  let from = fromWallMs(Math.floor((afterMs + offsetsAround(afterMs, timeZone).min) / 1000) * 1000);
  for (;;) {
    const wall = seek(f, from, 1);
    if (!wall) return undefined;
    const at = fromLocal(wall, timeZone);
    // Too early only within the starting second or near a DST change (the start is a bound, not a guess).
    if (at > afterMs) return at;
    from = fromWallMs(wallMs(wall) + 1000);
  }
}

/** Last instant at or before `atMs` that matches in the zone; undefined if none within 30 years. */
export function previousCron(f: CronFields, timeZone: string, atMs: number): number | undefined {
  let from = fromWallMs(Math.floor((atMs + offsetsAround(atMs, timeZone).max) / 1000) * 1000);
  for (;;) {
    const wall = seek(f, from, -1);
    if (!wall) return undefined;
    const at = fromLocal(wall, timeZone);
    if (at <= atMs) return at;
    from = fromWallMs(wallMs(wall) - 1000);
  }
}

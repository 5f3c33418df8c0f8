import { DAY_MS } from "../time-units.js";

/**
 * Wall-clock time in an IANA time zone, with Intl only (Node ships full ICU). The one subtle part of scheduling:
 * a local time that does not exist (spring forward) or exists twice (fall back).
 */
export interface PlainDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface LocalDateTime extends PlainDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Zones already in their canonical spelling: every schedule read back from Redis is checked against Intl, and
 * building a DateTimeFormat to do it cost more than the rest of a nudge together. Only canonical names are kept,
 * so the set is bounded by the IANA list, however many spellings people type.
 */
const canonical = new Set<string>();

/** The zone's canonical spelling ("europe/berlin" -> "Europe/Berlin"), or undefined if Intl does not know it. */
export function canonicalZone(timeZone: string): string | undefined {
  if (canonical.has(timeZone)) return timeZone;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
    if (resolved === timeZone) canonical.add(resolved);
    return resolved;
  } catch {
    return undefined;
  }
}

export function isTimeZone(timeZone: string): boolean {
  return canonicalZone(timeZone) !== undefined;
}

export function toLocal(instantMs: number, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** A wall-clock time read as if it were UTC: makes local times comparable and steppable as plain numbers. */
export function wallMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

export function fromWallMs(ms: number): LocalDateTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Offset of the zone from UTC at an instant, in ms (local minus UTC). */
export function offsetAt(instantMs: number, timeZone: string): number {
  return wallMs(toLocal(instantMs, timeZone)) - Math.floor(instantMs / 1000) * 1000;
}

/** The smallest and largest offsets in force within a day of an instant (they differ only near a DST change). */
export function offsetsAround(instantMs: number, timeZone: string): { min: number; max: number } {
  const offsets = [instantMs - DAY_MS, instantMs, instantMs + DAY_MS].map((t) => offsetAt(t, timeZone));
  return { min: Math.min(...offsets), max: Math.max(...offsets) };
}

/**
 * The instant of a local wall-clock time.
 * Repeated (fall back): the first occurrence, so a reminder fires once, not twice.
 * Skipped (spring forward): read with the offset from before the gap, which moves it forward by the gap's length
 * (02:30 becomes 03:30 CEST). Both are RFC 5545 §3.3.5's rules for calendar times, and Temporal's "compatible".
 */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const wall = wallMs(local);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  // No change within a day either side (almost always): the reading is unique.
  if (before === after) return wall - before;
  const readings = [wall - Math.max(before, after), wall - Math.min(before, after)];
  const valid = readings.find((t) => wallMs(toLocal(t, timeZone)) === wall);
  // Neither reading shows this wall time: it is in the gap.
  return valid ?? wall - before;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01: plain-date arithmetic without any zone involved. */
export function dayNumber(date: PlainDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

export function fromDayNumber(n: number): PlainDate {
  const { year, month, day } = fromWallMs(n * DAY_MS);
  return { year, month, day };
}

/** 1 = Monday ... 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
export function isoWeekday(date: PlainDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

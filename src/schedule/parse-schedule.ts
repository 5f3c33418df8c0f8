import { type Cadence, cadenceSchema } from "./cadence.js";
import { parseCron } from "./cron.js";
import { isTimeZone } from "./zoned-time.js";

/** `schedule ...` as typed in chat: show, turn off, or set a cadence. */
export type ScheduleCommand =
  | { kind: "show" }
  | { kind: "off" }
  | { kind: "set"; cadence: Cadence }
  | { kind: "invalid"; message: string };

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const EXAMPLES =
  'Try: `schedule weekly tue 09:30 Europe/Berlin`, `schedule monthly 1 10:00` or `schedule cron "0 9 1 * *" UTC`.';

const invalid = (problem: string): ScheduleCommand => ({ kind: "invalid", message: `${problem} ${EXAMPLES}` });

/** Parse the words after `schedule`. `defaultZone` is the person's time zone (Slack tz, Teams localTimezone). */
export function parseSchedule(text: string, defaultZone = "UTC"): ScheduleCommand {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "show" };
  if (/^off$/i.test(trimmed)) return { kind: "off" };

  const cron = trimmed.match(/^cron\s+["“”']([^"“”']+)["“”'](?:\s+(\S+))?$/i);
  if (cron) {
    const [, expression = "", zone = defaultZone] = cron;
    if (!isTimeZone(zone)) return invalid(`"${zone}" is not a time zone I know.`);
    try {
      parseCron(expression);
    } catch (error) {
      return invalid(`That cron expression does not work: ${error instanceof Error ? error.message : String(error)}.`);
    }
    return { kind: "set", cadence: { kind: "cron", expression: expression.trim(), timeZone: zone } };
  }

  const [kind = "", ...rest] = trimmed.split(/\s+/);
  const lower = kind.toLowerCase();
  if (!["weekly", "biweekly", "monthly", "quarterly"].includes(lower)) {
    return invalid(`I don't know the cadence "${kind}".`);
  }
  let day: number | undefined;
  let time = "10:00";
  let zone = defaultZone;
  for (const word of rest) {
    const weekday = WEEKDAYS.indexOf(word.toLowerCase().slice(0, 3));
    if (/^\d{1,2}:\d{2}$/.test(word)) time = word.padStart(5, "0");
    else if (/^\d{1,2}$/.test(word)) day = Number(word);
    else if (weekday >= 0 && /^[a-z]+$/i.test(word)) day = weekday + 1;
    else if (word.includes("/") || word.toUpperCase() === "UTC") zone = word;
    else return invalid(`I don't understand "${word}".`);
  }
  if (!isTimeZone(zone)) return invalid(`"${zone}" is not a time zone I know.`);
  const weekly = lower === "weekly" || lower === "biweekly";
  const parsed = cadenceSchema.safeParse(
    weekly
      ? { kind: lower, weekday: day ?? 1, time, timeZone: zone }
      : { kind: lower, day: day ?? 1, time, timeZone: zone },
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(
      `${issue?.path.join(".") === "weekday" ? "Give a weekday (mon-sun)." : (issue?.message ?? "Invalid schedule.")}`,
    );
  }
  return { kind: "set", cadence: parsed.data };
}

export function describeCadence(cadence: Cadence): string {
  const at = cadence.kind === "cron" ? "" : ` at ${cadence.time}`;
  switch (cadence.kind) {
    case "weekly":
      return `every ${dayName(cadence.weekday)}${at} (${cadence.timeZone})`;
    case "biweekly":
      return `every other ${dayName(cadence.weekday)}${at} (${cadence.timeZone})`;
    case "monthly":
      return `monthly on day ${cadence.day}${at} (${cadence.timeZone})`;
    case "quarterly":
      return `quarterly on day ${cadence.day}${at} (${cadence.timeZone})`;
    case "cron":
      return `cron "${cadence.expression}" (${cadence.timeZone})`;
  }
}

function dayName(weekday: number): string {
  return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday - 1] ?? "?";
}

/** "Tue 24 Nov 2026, 09:30 CET" in the team's zone. */
export function formatLocal(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(date);
}

import { type Cadence, type CalendarCadence, cadenceSchema } from "./cadence.js";
import { tooFrequent } from "./frequency.js";
import { canonicalZone, isoWeekday, toLocal } from "./zoned-time.js";

/**
 * `schedule ...` as typed in chat: show, turn off, or set a cadence; or what was wrong (`message`) with examples
 * that work (the command's words, which the flows write as each platform's command).
 */
export type ScheduleCommand =
  | { ok: true; kind: "show" }
  | { ok: true; kind: "off" }
  | { ok: true; kind: "set"; cadence: Cadence }
  | { ok: false; kind: "invalid"; message: string; examples: string[] };

type CadenceKind = Cadence["kind"];
type CalendarKind = CalendarCadence["kind"];
const CALENDAR_KINDS: CalendarKind[] = ["weekly", "biweekly", "monthly", "quarterly"];
const isCalendarKind = (word: string): word is CalendarKind => (CALENDAR_KINDS as string[]).includes(word);
const EXAMPLES: Record<CadenceKind, string> = {
  weekly: "schedule weekly tue 09:30 Europe/Berlin",
  biweekly: "schedule biweekly thu 14:00 America/New_York",
  monthly: "schedule monthly 1 10:00 Europe/Berlin",
  quarterly: "schedule quarterly 15 09:00 UTC",
  cron: 'schedule cron "0 9 * * 1" Europe/Berlin',
};
const ALL_EXAMPLES = [EXAMPLES.weekly, EXAMPLES.monthly, EXAMPLES.cron, "schedule off"];
const FREQUENCY_PROBE = new Date("2026-01-01T00:00:00Z");
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Chat apps turn straight quotes into curly ones, and Slack users reach for backticks. */
const QUOTE = "[\"“”'‘’`]";
const CRON_ARGUMENT = new RegExp(`^${QUOTE}([^"“”'‘’\`]*)${QUOTE}(?:\\s+(\\S+))?$`);

function invalid(problem: string, kind?: CadenceKind): ScheduleCommand {
  return { ok: false, kind: "invalid", message: problem, examples: kind ? [EXAMPLES[kind]] : ALL_EXAMPLES };
}

/** "tue", "tues", "Tuesday" -> 2; anything shorter than three letters is not a weekday. */
function weekdayNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = WEEKDAY_NAMES.findIndex((name) => lower.length >= 3 && name.toLowerCase().startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** Runs the stored schema, so chat input and Redis data obey the same rules; phrases its first complaint. */
function checked(input: Record<string, unknown> & { kind: CadenceKind }): ScheduleCommand {
  const parsed = cadenceSchema.safeParse(input);
  if (parsed.success) return { ok: true, kind: "set", cadence: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0]);
  const problem =
    field === "expression"
      ? `That cron expression does not work: ${issue?.message}.`
      : `"${String(input[field])}" ${issue?.message}.`;
  return invalid(problem, input.kind);
}

function parseCronArgument(argument: string, timeZone: string): ScheduleCommand {
  const match = CRON_ARGUMENT.exec(argument);
  if (!match) return invalid("Put the cron expression in quotes, then a time zone if you like.", "cron");
  const [, expression = "", zone] = match;
  const zoneName = zone === undefined ? timeZone : canonicalZone(zone);
  if (!zoneName) return invalid(`"${zone}" is not a time zone I know.`, "cron");
  const parsed = checked({ kind: "cron", expression: expression.trim(), timeZone: zoneName });
  // How often a cron fires shows at its first firings, whenever they are: any fixed instant will do to look.
  if (parsed.kind === "set" && tooFrequent(parsed.cadence, FREQUENCY_PROBE)) {
    return invalid(
      `"${expression.trim()}" fires more than once a day: a channel gets at most one reminder a day.`,
      "cron",
    );
  }
  return parsed;
}

const SLOT_LABELS = { day: "days", time: "times", timeZone: "time zones", anchor: "start dates" };

function parseCalendar(kind: CalendarKind, words: string[], timeZone: string): ScheduleCommand {
  const weekly = kind === "weekly" || kind === "biweekly";
  const dayKind = weekly ? "a weekday (mon-sun)" : "a day of the month (1-31)";
  const given = new Map<keyof typeof SLOT_LABELS, { word: string; value: string | number }>();
  for (const word of words) {
    // "biweekly tue from 2026-03-03" reads better than a bare date.
    if (/^(from|starting)$/i.test(word)) continue;
    const weekday = weekdayNumber(word);
    let slot: keyof typeof SLOT_LABELS;
    let value: string | number;
    if (/^\d{1,2}:\d{2}$/.test(word)) [slot, value] = ["time", word.padStart(5, "0")];
    else if (/^\d{4}-\d{2}-\d{2}$/.test(word)) [slot, value] = ["anchor", word];
    else if (/^\d+$/.test(word) && !weekly) [slot, value] = ["day", Number(word)];
    else if (weekday !== undefined && weekly) [slot, value] = ["day", weekday];
    else if (/^\d+$/.test(word) || weekday !== undefined) {
      return invalid(`${kind} reminders take ${dayKind}, not "${word}".`, kind);
    } else {
      const zone = canonicalZone(word);
      if (!zone) {
        return invalid(
          `I don't understand "${word}": it is not ${dayKind}, a time (HH:MM) or a time zone I know.`,
          kind,
        );
      }
      [slot, value] = ["timeZone", zone];
    }
    const earlier = given.get(slot);
    if (earlier)
      return invalid(`One at a time: I got two ${SLOT_LABELS[slot]}, "${earlier.word}" and "${word}".`, kind);
    given.set(slot, { word, value });
  }
  const anchor = given.get("anchor")?.value;
  return checked({
    kind,
    [weekly ? "weekday" : "day"]: given.get("day")?.value ?? 1,
    time: given.get("time")?.value ?? "10:00",
    timeZone: given.get("timeZone")?.value ?? timeZone,
    ...(anchor === undefined ? {} : { anchor }),
  });
}

/**
 * Parses the words after `schedule`. `defaultZone` is the person's time zone (Slack tz, Teams localTimezone);
 * one Intl does not know falls back to UTC rather than blaming the person for their profile.
 */
export function parseSchedule(text: string, defaultZone = "UTC"): ScheduleCommand {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const kind = first.toLowerCase();
  const timeZone = canonicalZone(defaultZone) ?? "UTC";
  if (trimmed === "") return { ok: true, kind: "show" };
  if (kind === "off")
    return rest.length === 0 ? { ok: true, kind: "off" } : invalid('"schedule off" takes no more words.');
  if (kind === "cron") return parseCronArgument(trimmed.slice(first.length).trim(), timeZone);
  if (isCalendarKind(kind)) return parseCalendar(kind, rest, timeZone);
  return invalid(`I don't know the schedule "${first}".`);
}

function quarterMonths(anchor: string | undefined): string {
  const first = anchor ? Number(anchor.slice(5, 7)) - 1 : 0;
  const months = [0, 3, 6, 9].map((k) => (first + k) % 12).sort((a, b) => a - b);
  const names = months.map((m) => MONTH_NAMES[m]);
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** In words, for confirmations and `schedule` (e.g. "every other Tuesday at 09:30 (Europe/Berlin)"). */
export function describeCadence(cadence: Cadence): string {
  const zone = `(${cadence.timeZone})`;
  if (cadence.kind === "cron") return `on the cron schedule "${cadence.expression}" ${zone}`;
  const at = `at ${cadence.time} ${zone}`;
  if ("weekday" in cadence) {
    const every = cadence.kind === "weekly" ? "every" : "every other";
    return `${every} ${WEEKDAY_NAMES[cadence.weekday - 1]} ${at}`;
  }
  const shorter = cadence.day > 28 ? " (the last day in shorter months)" : "";
  if (cadence.kind === "monthly") return `monthly on day ${cadence.day}${shorter} ${at}`;
  return `quarterly on day ${cadence.day}${shorter} of ${quarterMonths(cadence.anchor)} ${at}`;
}

/** A short zone name people know (CET, EST, AEDT), else the offset (GMT+5:30); locales differ in which they know. */
function zoneAbbreviation(date: Date, timeZone: string): string {
  const names = ["en-GB", "en-US", "en-AU"].map(
    (locale) =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(date)
        .find((p) => p.type === "timeZoneName")?.value ?? "",
  );
  return names.find((name) => /^[A-Z]+$/.test(name)) ?? names[0] ?? timeZone;
}

/** "Tue, 24 Nov 2026, 09:30 CET": an instant on the team's wall clock. Own names: en-GB now says "Sept". */
export function formatLocal(date: Date, timeZone: string): string {
  const local = toLocal(date.getTime(), timeZone);
  const time = [local.hour, local.minute].map((n) => String(n).padStart(2, "0")).join(":");
  return `${formatDay(date, timeZone)}, ${time} ${zoneAbbreviation(date, timeZone)}`;
}

/** "Tue, 24 Nov 2026": the day of an instant on the team's wall clock, the same in every locale (no 11/24 or 24/11). */
export function formatDay(date: Date, timeZone: string): string {
  const local = toLocal(date.getTime(), timeZone);
  const weekday = WEEKDAY_NAMES[isoWeekday(local) - 1]?.slice(0, 3);
  const month = MONTH_NAMES[local.month - 1]?.slice(0, 3);
  return `${weekday}, ${local.day} ${month} ${local.year}`;
}

import type { TeamScope } from "../../src/chat/address.js";
import type { FormField, FormMessage } from "../../src/chat/forms.js";
import type { Cadence } from "../../src/schedule/cadence.js";
import type { FlowContext } from "../context.js";

export const CADENCES = ["off", "weekly", "biweekly", "monthly", "quarterly"] as const;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const WEEKDAY_LABELS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** Days of the month a monthly or quarterly reminder can fall on (29-31 would skip short months' meaning). */
const MONTH_DAYS = Array.from({ length: 28 }, (_, i) => String(i + 1));
export const PRIVACY_MODES = ["confidential", "attributed"] as const;

/** What the form shows for the stored cadence: a cron schedule is kept as it is unless another is picked. */
function scheduleValues(cadence: Cadence | undefined) {
  if (!cadence) return { cadence: "off" };
  if (cadence.kind === "cron") return { cadence: "cron", zone: cadence.timeZone };
  const day = "weekday" in cadence ? WEEKDAYS[cadence.weekday - 1] : String(Math.min(cadence.day, 28));
  return { cadence: cadence.kind, day, time: cadence.time, zone: cadence.timeZone };
}

/** The team's settings as a form, pre-filled: reminder cadence, day, time, time zone, target level, privacy. */
export async function settingsForm(ctx: FlowContext, team: TeamScope, defaultZone: string): Promise<FormMessage> {
  const [schedule, settings] = await Promise.all([ctx.schedules.get(team), ctx.repo.settings(team)]);
  const now = scheduleValues(schedule?.cadence);
  const cadences = [
    ...CADENCES.map((c) => ({ value: c, label: c === "off" ? "No reminders" : c[0]?.toUpperCase() + c.slice(1) })),
    ...(now.cadence === "cron" ? [{ value: "cron", label: "Keep the cron schedule" }] : []),
  ];
  const levels = ctx.model.levels.map((l, i) => ({ value: String(i), label: `Level ${i}: ${l.name}`.slice(0, 75) }));
  const fields: FormField[] = [
    { type: "choice", id: "cadence", label: "Reassessment reminders", options: cadences, value: now.cadence },
    {
      type: "choice",
      id: "day",
      label: "Day",
      hint: "A weekday for weekly reminders, a day of the month for monthly and quarterly ones",
      options: [
        ...WEEKDAYS.map((d, i) => ({ value: d, label: WEEKDAY_LABELS[i] ?? d })),
        ...MONTH_DAYS.map((d) => ({ value: d, label: `Day ${d} of the month` })),
      ],
      ...(now.day ? { value: now.day } : {}),
    },
    { type: "time", id: "time", label: "Time", value: now.time ?? "10:00" },
    {
      type: "text",
      id: "zone",
      label: "Time zone",
      hint: "An IANA name, e.g. Europe/Berlin",
      value: now.zone ?? defaultZone,
    },
    {
      type: "choice",
      id: "target",
      label: "Target level",
      options: levels,
      ...(settings.target === undefined ? {} : { value: String(settings.target) }),
    },
    {
      type: "choice",
      id: "privacy",
      label: "Privacy",
      options: [
        { value: "confidential", label: "Confidential: team aggregates only" },
        { value: "attributed", label: "Attributed: who answered what may show" },
      ],
      value: settings.privacy ?? "confidential",
    },
  ];
  return { kind: "form", id: { f: "settings", c: team.channel }, title: "Team settings", submitLabel: "Save", fields };
}

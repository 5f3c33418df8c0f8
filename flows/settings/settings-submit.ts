import { z } from "zod";
import type { Reply } from "../../src/chat/outbound.js";
import { parseSchedule } from "../../src/schedule/parse-schedule.js";
import { canonicalZone } from "../../src/schedule/zoned-time.js";
import { runCommand } from "../commands/registry.js";
import { type CommandEvent, type FlowContext, teamScope } from "../context.js";
import { privately } from "../replies.js";
import { CADENCES, PRIVACY_MODES, settingsForm, WEEKDAYS } from "./settings-form.js";

const submission = z.object({
  cadence: z.enum([...CADENCES, "cron"], "Pick how often"),
  day: z
    .string()
    .regex(/^([a-z]{3}|\d{1,2})$/, "Pick a day")
    .optional(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, from 00:00 to 23:59"),
  zone: z
    .string()
    .trim()
    .refine(
      (zone) => canonicalZone(zone) !== undefined,
      "Not a time zone I know: use an IANA name such as Europe/Berlin",
    ),
  target: z.enum(["0", "1", "2", "3", "4"], "Pick a level").optional(),
  privacy: z.enum(PRIVACY_MODES, "Pick a privacy mode"),
});

/** The words the typed `schedule` command would get for these values, or a field error. */
function scheduleWords(values: z.output<typeof submission>): { words?: string; error?: [string, string] } {
  if (values.cadence === "off" || values.cadence === "cron") return {};
  if (!values.day) return { error: ["day", "Pick a day"] };
  const weekly = values.cadence === "weekly" || values.cadence === "biweekly";
  if (weekly !== (WEEKDAYS as readonly string[]).includes(values.day)) {
    return { error: ["day", weekly ? "Weekly reminders need a weekday" : "Monthly reminders need a day of the month"] };
  }
  const words = `${values.cadence} ${values.day} ${values.time} ${canonicalZone(values.zone) ?? values.zone}`;
  const parsed = parseSchedule(words);
  return parsed.ok ? { words } : { error: ["cadence", parsed.message.slice(0, 150)] };
}

/**
 * A submitted settings form: checked field by field (errors go next to the fields, nothing is saved), then each
 * change runs as the typed command would (`schedule …`, `target …`, `privacy …`), permissions included.
 */
export async function submitSettings(
  ctx: FlowContext,
  event: CommandEvent,
  values: Record<string, string>,
): Promise<Reply[]> {
  const team = teamScope(event.address, event.address.channel);
  const form = await settingsForm(ctx, team, event.user.timeZone ?? "UTC");
  const parsed = submission.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const schedule = parsed.success ? scheduleWords(parsed.data) : {};
  if (schedule.error) errors[schedule.error[0]] = schedule.error[1];
  if (!parsed.success || Object.keys(errors).length > 0) {
    return [{ message: { kind: "form-errors", errors, form }, delivery: { to: "replace" } }];
  }
  const shown = new Map(form.fields.map((f) => [f.id, f.value]));
  const changed = (id: string, value: string | undefined) => value !== undefined && value !== shown.get(id);
  const { data } = parsed;
  const commands: string[] = [];
  if (data.cadence === "off" && shown.get("cadence") !== "off") commands.push("schedule off");
  const scheduleMoved = ["cadence", "day", "time", "zone"].some((id) => changed(id, data[id as keyof typeof data]));
  if (schedule.words && scheduleMoved) commands.push(`schedule ${schedule.words}`);
  if (changed("target", data.target)) commands.push(`target ${data.target}`);
  if (changed("privacy", data.privacy)) commands.push(`privacy ${data.privacy}`);
  if (commands.length === 0) return [privately("Nothing changed.")];
  const replies: Reply[] = [];
  for (const words of commands) replies.push(...(await runCommand(ctx, event, words)));
  return replies;
}

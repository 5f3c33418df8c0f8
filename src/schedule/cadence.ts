import { z } from "zod";
import { CronError, parseCron } from "./cron.js";
import { isTimeZone } from "./zoned-time.js";

/**
 * How often a team reassesses, in its own time zone. Stored in Redis and validated on the way back, so the messages
 * are written for the person who typed the schedule.
 */
const timeZone = z.string().refine(isTimeZone, "is not a time zone I know; use an IANA name such as Europe/Berlin");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "is not a time of day; use HH:MM from 00:00 to 23:59");
const WEEKDAY = "is not a weekday (1 = Monday ... 7 = Sunday)";
const DAY = "is not a day of the month (1-31)";
/** A date (YYYY-MM-DD) that sets the phase: its week is "on" for biweekly, its month for quarterly. */
const anchor = z.iso.date("is not a date; use YYYY-MM-DD").optional();

const cronExpression = z
  .string()
  .max(100)
  .superRefine((expression, ctx) => {
    try {
      parseCron(expression);
    } catch (error) {
      if (!(error instanceof CronError)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
    }
  });

export const cadenceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.enum(["weekly", "biweekly"]),
    /** 1 = Monday ... 7 = Sunday */
    weekday: z.int().min(1, WEEKDAY).max(7, WEEKDAY),
    time,
    timeZone,
    /** Biweekly phase; default the week of Monday 2024-01-01. */
    anchor,
  }),
  z.object({
    kind: z.enum(["monthly", "quarterly"]),
    /** 1-31; in shorter months the last day of the month. */
    day: z.int().min(1, DAY).max(31, DAY),
    time,
    timeZone,
    /** Quarterly phase; default January (January, April, July, October). */
    anchor,
  }),
  z.object({ kind: z.literal("cron"), expression: cronExpression, timeZone }),
]);
export type Cadence = z.infer<typeof cadenceSchema>;
export type CalendarCadence = Exclude<Cadence, { kind: "cron" }>;

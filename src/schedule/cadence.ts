import { z } from "zod";
import { isTimeZone } from "./zoned-time.js";

/** How often a team reassesses, in its own time zone. Stored in Redis and validated on the way back. */
const timeZone = z.string().refine(isTimeZone, "not an IANA time zone (e.g. Europe/Berlin)");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM, e.g. 09:30");

export const cadenceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.enum(["weekly", "biweekly"]),
    /** 1 = Monday ... 7 = Sunday */
    weekday: z.int().min(1).max(7),
    time,
    timeZone,
    /** Biweekly phase: a date (YYYY-MM-DD) in a week that is "on". */
    anchor: z.iso.date().optional(),
  }),
  z.object({
    kind: z.enum(["monthly", "quarterly"]),
    /** 1-31; in shorter months the last day of the month. */
    day: z.int().min(1).max(31),
    time,
    timeZone,
    /** Quarterly phase: a month (1-12) that is "on"; default January (Jan, Apr, Jul, Oct). */
    anchorMonth: z.int().min(1).max(12).optional(),
  }),
  z.object({ kind: z.literal("cron"), expression: z.string().min(9).max(100), timeZone }),
]);
export type Cadence = z.infer<typeof cadenceSchema>;

/** The longest gap between two due times of a cadence (used to spot teams that stopped reassessing). */
export function cadenceDays(cadence: Cadence): number {
  switch (cadence.kind) {
    case "weekly":
      return 7;
    case "biweekly":
      return 14;
    case "monthly":
      return 31;
    case "quarterly":
      return 92;
    case "cron":
      return 31;
  }
}

import { describe, expect, it } from "vitest";
import { describeCadence, formatLocal, parseSchedule } from "../../src/schedule/parse-schedule.js";

describe("schedule command", () => {
  it("shows, turns off, and sets cadences with the person's zone as default", () => {
    expect(parseSchedule("")).toEqual({ kind: "show" });
    expect(parseSchedule("off")).toEqual({ kind: "off" });
    expect(parseSchedule("weekly tue 09:30", "Europe/Berlin")).toEqual({
      kind: "set",
      cadence: { kind: "weekly", weekday: 2, time: "09:30", timeZone: "Europe/Berlin" },
    });
    expect(parseSchedule("quarterly 15 9:00 America/New_York")).toEqual({
      kind: "set",
      cadence: { kind: "quarterly", day: 15, time: "09:00", timeZone: "America/New_York" },
    });
    expect(parseSchedule("monthly")).toMatchObject({
      cadence: { kind: "monthly", day: 1, time: "10:00", timeZone: "UTC" },
    });
    expect(parseSchedule('cron "0 9 1 * *" Asia/Tokyo')).toEqual({
      kind: "set",
      cadence: { kind: "cron", expression: "0 9 1 * *", timeZone: "Asia/Tokyo" },
    });
  });

  it("explains what is wrong and gives an example", () => {
    for (const bad of ["daily", "weekly tue 25:00", "weekly tue Mars/Olympus", 'cron "99 * * * *"', "monthly 32"]) {
      const result = parseSchedule(bad);
      expect(result.kind).toBe("invalid");
      expect(result.kind === "invalid" && result.message).toContain("Try: `schedule weekly tue 09:30 Europe/Berlin`");
    }
  });

  it("describes cadences and local times in words", () => {
    expect(describeCadence({ kind: "biweekly", weekday: 2, time: "09:30", timeZone: "Europe/Berlin" })).toBe(
      "every other Tuesday at 09:30 (Europe/Berlin)",
    );
    expect(formatLocal(new Date("2026-11-24T08:30:00Z"), "Europe/Berlin")).toBe("Tue, 24 Nov 2026, 09:30 CET");
  });
});

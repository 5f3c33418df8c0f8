import { describe, expect, it } from "vitest";
import { type Cadence, cadenceSchema } from "../../src/schedule/cadence.js";
import { describeCadence, formatLocal, parseSchedule } from "../../src/schedule/parse-schedule.js";

const cadenceOf = (text: string, zone?: string): Cadence | undefined => {
  const result = parseSchedule(text, zone);
  return result.kind === "set" ? result.cadence : undefined;
};

describe("parseSchedule: what people type", () => {
  it("shows with no words and turns off with `off`", () => {
    expect(parseSchedule("")).toEqual({ ok: true, kind: "show" });
    expect(parseSchedule("   ")).toEqual({ ok: true, kind: "show" });
    expect(parseSchedule("OFF")).toEqual({ ok: true, kind: "off" });
  });

  it("sets calendar cadences, with defaults and the person's zone", () => {
    expect(parseSchedule("weekly tue 09:30", "Europe/Berlin")).toEqual({
      ok: true,
      kind: "set",
      cadence: { kind: "weekly", weekday: 2, time: "09:30", timeZone: "Europe/Berlin" },
    });
    expect(cadenceOf("weekly")).toEqual({ kind: "weekly", weekday: 1, time: "10:00", timeZone: "UTC" });
    expect(cadenceOf("monthly", "Asia/Tokyo")).toEqual({
      kind: "monthly",
      day: 1,
      time: "10:00",
      timeZone: "Asia/Tokyo",
    });
    expect(cadenceOf("quarterly")).toEqual({ kind: "quarterly", day: 1, time: "10:00", timeZone: "UTC" });
    expect(cadenceOf("quarterly 15 9:00 America/New_York")).toEqual({
      kind: "quarterly",
      day: 15,
      time: "09:00",
      timeZone: "America/New_York",
    });
  });

  it("takes words in any order and case, full or short weekday names, and a start date for the phase", () => {
    expect(cadenceOf("Biweekly europe/berlin 14:00 THURSDAY from 2026-03-05")).toEqual({
      kind: "biweekly",
      weekday: 4,
      time: "14:00",
      timeZone: "Europe/Berlin",
      anchor: "2026-03-05",
    });
    expect(cadenceOf("weekly tues")).toMatchObject({ weekday: 2 });
    expect(cadenceOf("weekly sun")).toMatchObject({ weekday: 7 });
    expect(cadenceOf("quarterly 31 2026-02-01")).toMatchObject({ day: 31, anchor: "2026-02-01" });
  });

  it("falls back to UTC when the person's own zone is unknown", () => {
    expect(cadenceOf("weekly", "Not/AZone")).toMatchObject({ timeZone: "UTC" });
  });

  it("sets cron expressions in quotes (straight, curly or backticks), 5 or 6 fields, with an optional zone", () => {
    expect(parseSchedule('cron "0 9 1 * *" Asia/Tokyo')).toEqual({
      ok: true,
      kind: "set",
      cadence: { kind: "cron", expression: "0 9 1 * *", timeZone: "Asia/Tokyo" },
    });
    expect(cadenceOf("cron “30 9 * * mon-fri”", "Europe/Berlin")).toEqual({
      kind: "cron",
      expression: "30 9 * * mon-fri",
      timeZone: "Europe/Berlin",
    });
    expect(cadenceOf("cron `0 0 9 * * 1` utc")).toEqual({ kind: "cron", expression: "0 0 9 * * 1", timeZone: "UTC" });
  });
});

describe("parseSchedule: mistakes say what is wrong and show an example", () => {
  const cases: [input: string, problem: string, example: string][] = [
    ["fortnightly", 'I don\'t know the schedule "fortnightly".', "schedule weekly tue 09:30 Europe/Berlin"],
    ["weekly tue 25:00", '"25:00" is not a time of day', "schedule weekly tue 09:30 Europe/Berlin"],
    ["weekly tue Mars/Olympus", 'I don\'t understand "Mars/Olympus"', "schedule weekly tue 09:30 Europe/Berlin"],
    ["weekly 3", 'weekly reminders take a weekday (mon-sun), not "3".', "schedule weekly tue"],
    ["weekly tue thu", 'I got two days, "tue" and "thu".', "schedule weekly tue 09:30"],
    ["monthly tue", 'monthly reminders take a day of the month (1-31), not "tue".', "schedule monthly 1 10:00"],
    ["monthly 32", '"32" is not a day of the month (1-31).', "schedule monthly 1 10:00 Europe/Berlin"],
    ["quarterly 1 10:00 11:00", 'I got two times, "10:00" and "11:00".', "schedule quarterly 15 09:00 UTC"],
    ["biweekly mon 2026-02-30", '"2026-02-30" is not a date; use YYYY-MM-DD.', "schedule biweekly thu 14:00"],
    ['cron "99 * * * *"', 'That cron expression does not work: minute "99" is not in 0-59.', 'schedule cron "0 9'],
    [
      'cron "0 9 * *"',
      "has 5 fields (minute hour day month weekday), or 6 with seconds first; this one has 4",
      "schedule cron",
    ],
    ['cron "0 9 30 2 *"', "that day of the month never occurs in those months", 'schedule cron "0 9 * * 1"'],
    ['cron "0 9 * * 5-1"', 'weekday range "5-1" runs backwards', "schedule cron"],
    ["cron 0 9 * * 1", "Put the cron expression in quotes", 'schedule cron "0 9 * * 1" Europe/Berlin'],
    ['cron "0 9 * * 1" Mars/Olympus', '"Mars/Olympus" is not a time zone I know.', "schedule cron"],
    ["off now", '"schedule off" takes no more words.', "schedule weekly tue 09:30 Europe/Berlin"],
  ];
  it.each(cases)("%s", (input, problem, example) => {
    const result = parseSchedule(input, "Europe/Berlin");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(problem);
    expect(result.examples.join("\n")).toContain(example);
  });
});

describe("the stored cadence schema", () => {
  it("accepts what the parser makes and rejects broken data from storage", () => {
    expect(cadenceSchema.safeParse(cadenceOf("weekly tue 09:30 Europe/Berlin")).success).toBe(true);
    for (const bad of [
      { kind: "weekly", weekday: 8, time: "09:30", timeZone: "UTC" },
      { kind: "weekly", weekday: 1, time: "24:00", timeZone: "UTC" },
      { kind: "monthly", day: 1, time: "09:30", timeZone: "Mars/Olympus" },
      { kind: "quarterly", day: 1, time: "09:30", timeZone: "UTC", anchor: "2027-02-29" },
      { kind: "cron", expression: "0 9 * * 8", timeZone: "UTC" },
    ]) {
      expect(cadenceSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("describeCadence and formatLocal", () => {
  it("describes every kind in words", () => {
    expect(describeCadence({ kind: "weekly", weekday: 2, time: "09:30", timeZone: "Europe/Berlin" })).toBe(
      "every Tuesday at 09:30 (Europe/Berlin)",
    );
    expect(describeCadence({ kind: "biweekly", weekday: 2, time: "09:30", timeZone: "Europe/Berlin" })).toBe(
      "every other Tuesday at 09:30 (Europe/Berlin)",
    );
    expect(describeCadence({ kind: "monthly", day: 1, time: "09:00", timeZone: "UTC" })).toBe(
      "monthly on day 1 at 09:00 (UTC)",
    );
    expect(describeCadence({ kind: "monthly", day: 31, time: "09:00", timeZone: "UTC" })).toBe(
      "monthly on day 31 (the last day in shorter months) at 09:00 (UTC)",
    );
    expect(describeCadence({ kind: "quarterly", day: 15, time: "09:00", timeZone: "UTC" })).toBe(
      "quarterly on day 15 of January, April, July and October at 09:00 (UTC)",
    );
    expect(describeCadence({ kind: "quarterly", day: 15, time: "09:00", timeZone: "UTC", anchor: "2026-11-02" })).toBe(
      "quarterly on day 15 of February, May, August and November at 09:00 (UTC)",
    );
    expect(describeCadence({ kind: "cron", expression: "0 9 * * 1", timeZone: "Asia/Tokyo" })).toBe(
      'on the cron schedule "0 9 * * 1" (Asia/Tokyo)',
    );
  });

  it("shows an instant on the team's clock with a zone name people know", () => {
    expect(formatLocal(new Date("2026-11-24T08:30:00Z"), "Europe/Berlin")).toBe("Tue, 24 Nov 2026, 09:30 CET");
    expect(formatLocal(new Date("2026-09-24T08:30:00Z"), "Europe/Berlin")).toBe("Thu, 24 Sep 2026, 10:30 CEST");
    expect(formatLocal(new Date("2026-11-24T14:30:00Z"), "America/New_York")).toBe("Tue, 24 Nov 2026, 09:30 EST");
    expect(formatLocal(new Date("2026-11-23T22:30:00Z"), "Australia/Sydney")).toBe("Tue, 24 Nov 2026, 09:30 AEDT");
    expect(formatLocal(new Date("2026-11-24T04:00:00Z"), "Asia/Kolkata")).toBe("Tue, 24 Nov 2026, 09:30 GMT+5:30");
    expect(formatLocal(new Date("2026-11-24T09:30:00Z"), "UTC")).toBe("Tue, 24 Nov 2026, 09:30 UTC");
  });
});

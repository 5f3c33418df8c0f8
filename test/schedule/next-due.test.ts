import { afterEach, describe, expect, it, vi } from "vitest";
import type { Cadence } from "../../src/schedule/cadence.js";
import { nextDue, previousDue, slotId } from "../../src/schedule/next-due.js";

const iso = (c: Cadence, after: string) => nextDue(c, new Date(after)).toISOString();
/** `n` due instants in a row, each strictly after the one before. */
function series(c: Cadence, after: string, n: number): string[] {
  const out: string[] = [];
  let at = new Date(after);
  for (let i = 0; i < n; i++) {
    at = nextDue(c, at);
    out.push(at.toISOString());
  }
  return out;
}
const weekly = (weekday: number, time: string, timeZone: string): Cadence => ({
  kind: "weekly",
  weekday,
  time,
  timeZone,
});
const cron = (expression: string, timeZone: string): Cadence => ({ kind: "cron", expression, timeZone });

describe("DST in Europe/Berlin (last Sunday of March forward, last Sunday of October back)", () => {
  it("keeps Monday 09:00 local the week before and after each change", () => {
    const c = weekly(1, "09:00", "Europe/Berlin");
    // October: 09:00 CEST is 07:00Z, then 09:00 CET is 08:00Z.
    expect(series(c, "2026-10-18T00:00:00Z", 2)).toEqual(["2026-10-19T07:00:00.000Z", "2026-10-26T08:00:00.000Z"]);
    expect(series(c, "2026-03-22T00:00:00Z", 2)).toEqual(["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
  });

  it("moves 02:30 on the spring-forward Sunday to 03:30 CEST (forward by the gap)", () => {
    const c = weekly(7, "02:30", "Europe/Berlin");
    expect(series(c, "2026-03-21T00:00:00Z", 3)).toEqual([
      "2026-03-22T01:30:00.000Z", // 02:30 CET
      "2026-03-29T01:30:00.000Z", // 02:30 does not exist: 03:30 CEST
      "2026-04-05T00:30:00.000Z", // 02:30 CEST
    ]);
    expect(iso(c, "2026-03-29T00:59:59Z")).toBe("2026-03-29T01:30:00.000Z");
  });

  it("fires 02:30 on the fall-back Sunday once, at the first (CEST) occurrence", () => {
    const c = weekly(7, "02:30", "Europe/Berlin");
    expect(iso(c, "2026-10-24T00:00:00Z")).toBe("2026-10-25T00:30:00.000Z");
    // Neither right after it nor from inside the repeated hour does the second 02:30 (01:30Z) count.
    expect(iso(c, "2026-10-25T00:30:00Z")).toBe("2026-11-01T01:30:00.000Z");
    expect(iso(c, "2026-10-25T01:15:00Z")).toBe("2026-11-01T01:30:00.000Z");
  });
});

describe("DST in America/New_York (second Sunday of March forward, first Sunday of November back)", () => {
  it("keeps Monday 09:00 local the week before and after each change", () => {
    const c = weekly(1, "09:00", "America/New_York");
    expect(series(c, "2026-03-01T00:00:00Z", 2)).toEqual(["2026-03-02T14:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
    expect(series(c, "2026-10-25T00:00:00Z", 2)).toEqual(["2026-10-26T13:00:00.000Z", "2026-11-02T14:00:00.000Z"]);
  });

  it("moves 02:30 in the gap to 03:30 EDT", () => {
    expect(iso(weekly(7, "02:30", "America/New_York"), "2026-03-07T12:00:00Z")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("fires 01:30 in the repeated hour once, at the EDT occurrence", () => {
    const c = weekly(7, "01:30", "America/New_York");
    expect(series(c, "2026-10-31T12:00:00Z", 2)).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-08T06:30:00.000Z"]);
    expect(iso(c, "2026-11-01T06:10:00Z")).toBe("2026-11-08T06:30:00.000Z"); // from inside the second 01:xx
  });
});

describe("DST in Australia/Sydney (first Sunday of October forward, first Sunday of April back)", () => {
  it("keeps Monday 09:00 local the week before and after each change", () => {
    const c = weekly(1, "09:00", "Australia/Sydney");
    expect(series(c, "2026-09-27T00:00:00Z", 2)).toEqual(["2026-09-27T23:00:00.000Z", "2026-10-04T22:00:00.000Z"]);
    expect(series(c, "2026-03-29T00:00:00Z", 2)).toEqual(["2026-03-29T22:00:00.000Z", "2026-04-05T23:00:00.000Z"]);
  });

  it("moves 02:30 in the October gap to 03:30 AEDT", () => {
    expect(iso(weekly(7, "02:30", "Australia/Sydney"), "2026-10-03T00:00:00Z")).toBe("2026-10-03T16:30:00.000Z");
  });

  it("fires 02:30 in the repeated April hour once, at the AEDT occurrence", () => {
    const c = weekly(7, "02:30", "Australia/Sydney");
    expect(series(c, "2026-04-04T00:00:00Z", 2)).toEqual(["2026-04-04T15:30:00.000Z", "2026-04-11T16:30:00.000Z"]);
  });
});

describe("month ends, leap days, quarters, fortnights", () => {
  it("fires monthly on the 31st where it exists and on the last day elsewhere, all year, at 10:00 Berlin", () => {
    const c: Cadence = { kind: "monthly", day: 31, time: "10:00", timeZone: "Europe/Berlin" };
    expect(series(c, "2026-12-31T12:00:00Z", 13)).toEqual([
      "2027-01-31T09:00:00.000Z",
      "2027-02-28T09:00:00.000Z",
      "2027-03-31T08:00:00.000Z", // CEST from 28 March
      "2027-04-30T08:00:00.000Z",
      "2027-05-31T08:00:00.000Z",
      "2027-06-30T08:00:00.000Z",
      "2027-07-31T08:00:00.000Z",
      "2027-08-31T08:00:00.000Z",
      "2027-09-30T08:00:00.000Z",
      "2027-10-31T09:00:00.000Z", // CET again from 31 October 03:00
      "2027-11-30T09:00:00.000Z",
      "2027-12-31T09:00:00.000Z",
      "2028-01-31T09:00:00.000Z",
    ]);
  });

  it("uses 29 February in leap years and 28 February otherwise, then returns to the day", () => {
    const on = (day: number): Cadence => ({ kind: "monthly", day, time: "10:00", timeZone: "UTC" });
    expect(series(on(29), "2028-01-31T00:00:00Z", 2)).toEqual(["2028-02-29T10:00:00.000Z", "2028-03-29T10:00:00.000Z"]);
    expect(series(on(29), "2027-01-31T00:00:00Z", 2)).toEqual(["2027-02-28T10:00:00.000Z", "2027-03-29T10:00:00.000Z"]);
    expect(iso(on(30), "2028-02-01T00:00:00Z")).toBe("2028-02-29T10:00:00.000Z");
    expect(iso(on(31), "2027-02-01T00:00:00Z")).toBe("2027-02-28T10:00:00.000Z");
  });

  it("runs quarterly from January by default, and from the anchor's month when given", () => {
    const q: Cadence = { kind: "quarterly", day: 31, time: "09:00", timeZone: "UTC" };
    expect(series(q, "2026-11-22T00:00:00Z", 4)).toEqual([
      "2027-01-31T09:00:00.000Z",
      "2027-04-30T09:00:00.000Z",
      "2027-07-31T09:00:00.000Z",
      "2027-10-31T09:00:00.000Z",
    ]);
    // Later on the due day itself: the next quarter.
    expect(iso(q, "2027-01-31T09:00:00Z")).toBe("2027-04-30T09:00:00.000Z");
    const feb: Cadence = { kind: "quarterly", day: 15, time: "09:00", timeZone: "UTC", anchor: "2026-02-10" };
    expect(series(feb, "2026-11-22T00:00:00Z", 3).map((s) => s.slice(0, 10))).toEqual([
      "2027-02-15",
      "2027-05-15",
      "2027-08-15",
    ]);
  });

  it("runs biweekly every 14 days from the anchor's week, across a year end and a DST change", () => {
    const b: Cadence = { kind: "biweekly", weekday: 2, time: "10:00", timeZone: "Europe/Berlin", anchor: "2026-11-26" };
    expect(series(b, "2026-11-22T00:00:00Z", 4)).toEqual([
      "2026-11-24T09:00:00.000Z",
      "2026-12-08T09:00:00.000Z",
      "2026-12-22T09:00:00.000Z",
      "2027-01-05T09:00:00.000Z",
    ]);
    expect(series(b, "2027-03-10T00:00:00Z", 2)).toEqual(["2027-03-16T09:00:00.000Z", "2027-03-30T08:00:00.000Z"]);
    // Without an anchor the phase is the week of Monday 2024-01-01: 2026-01-06 is an "off" Tuesday.
    const plain: Cadence = { kind: "biweekly", weekday: 2, time: "10:00", timeZone: "UTC" };
    expect(iso(plain, "2026-01-01T00:00:00Z")).toBe("2026-01-13T10:00:00.000Z");
  });
});

describe("cron expressions in a time zone", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps the local time across changes in New York, Berlin and Sydney", () => {
    expect(series(cron("30 9 * * 1-5", "America/New_York"), "2026-10-30T00:00:00Z", 2)).toEqual([
      "2026-10-30T13:30:00.000Z",
      "2026-11-02T14:30:00.000Z",
    ]);
    expect(series(cron("0 9 * * mon", "Europe/Berlin"), "2027-03-21T00:00:00Z", 2)).toEqual([
      "2027-03-22T08:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
    ]);
    expect(series(cron("0 9 * * 1", "Australia/Sydney"), "2026-09-27T00:00:00Z", 2)).toEqual([
      "2026-09-27T23:00:00.000Z",
      "2026-10-04T22:00:00.000Z",
    ]);
  });

  it("applies the gap and repeat rules: 02:30 moves to 03:30 in spring and fires once in autumn", () => {
    const c = cron("30 2 * * *", "Europe/Berlin");
    expect(series(c, "2026-03-28T00:00:00Z", 3)).toEqual([
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:30:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
    expect(series(c, "2026-10-24T12:00:00Z", 2)).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"]);
  });

  it("never repeats an instant: an hourly cron skips the second 02:00, a half-hourly one has no doubles", () => {
    expect(series(cron("0 * * * *", "Europe/Berlin"), "2026-10-24T22:30:00Z", 4)).toEqual([
      "2026-10-24T23:00:00.000Z", // 01:00 CEST
      "2026-10-25T00:00:00.000Z", // 02:00 CEST; 02:00 CET (01:00Z) is the same wall time again
      "2026-10-25T02:00:00.000Z", // 03:00 CET
      "2026-10-25T03:00:00.000Z",
    ]);
    expect(series(cron("*/30 * * * *", "Europe/Berlin"), "2026-03-29T00:10:00Z", 4)).toEqual([
      "2026-03-29T00:30:00.000Z", // 01:30 CET
      "2026-03-29T01:00:00.000Z", // 03:00 CEST (02:00 moved by the gap lands here too)
      "2026-03-29T01:30:00.000Z",
      "2026-03-29T02:00:00.000Z",
    ]);
  });

  it("reads a sixth field as seconds, and ORs the two day fields like crontab", () => {
    expect(series(cron("15 0 9 * * mon-fri", "America/New_York"), "2026-10-30T00:00:00Z", 2)).toEqual([
      "2026-10-30T13:00:15.000Z",
      "2026-11-02T14:00:15.000Z",
    ]);
    // The 13th, and every Friday.
    expect(series(cron("0 9 13 * fri", "UTC"), "2026-11-01T00:00:00Z", 4).map((s) => s.slice(0, 10))).toEqual([
      "2026-11-06",
      "2026-11-13",
      "2026-11-20",
      "2026-11-27",
    ]);
    expect(series(cron("0 9 13 * *", "UTC"), "2026-11-01T00:00:00Z", 2).map((s) => s.slice(0, 10))).toEqual([
      "2026-11-13",
      "2026-12-13",
    ]);
  });

  it("steps by field: four years to the next 29 February cost a handful of zone look-ups", () => {
    const lookups = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    expect(series(cron("0 9 29 2 *", "Europe/Berlin"), "2028-03-01T00:00:00Z", 1)).toEqual([
      "2032-02-29T08:00:00.000Z",
    ]);
    expect(lookups).toHaveBeenCalled();
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(6);
  });
});

describe("previous due", () => {
  afterEach(() => vi.restoreAllMocks());
  const mondays = weekly(1, "09:00", "UTC");

  it("finds the last due instant at or before a time", () => {
    expect(previousDue(mondays, new Date("2027-02-22T09:00:00Z"))?.toISOString()).toBe("2027-02-22T09:00:00.000Z");
    expect(previousDue(mondays, new Date("2027-02-22T08:59:59Z"))?.toISOString()).toBe("2027-02-15T09:00:00.000Z");
    const c = cron("*/30 * * * *", "Europe/Berlin");
    // Inside the repeated hour the half-hours already fired at their first occurrence.
    expect(previousDue(c, new Date("2026-10-25T01:40:00Z"))?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    const sydney: Cadence = { kind: "quarterly", day: 31, time: "02:30", timeZone: "Australia/Sydney" };
    expect(previousDue(sydney, new Date("2027-06-01T00:00:00Z"))?.toISOString()).toBe("2027-04-29T16:30:00.000Z");
  });

  it("does not walk a minutely cron through a week of minutes", () => {
    const lookups = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    const minutely = cron("* * * * *", "Europe/Berlin");
    const slot = previousDue(minutely, new Date("2027-02-08T09:00:30Z"));
    expect(slot?.toISOString()).toBe("2027-02-08T09:00:00.000Z");
    expect(lookups).toHaveBeenCalled();
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it("names a slot by its instant in ISO UTC", () => {
    const due = nextDue(weekly(1, "09:00", "Europe/Berlin"), new Date("2026-10-20T00:00:00Z"));
    expect(slotId(due)).toBe("2026-10-26T08:00:00.000Z");
  });
});

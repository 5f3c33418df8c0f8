import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cadence } from "../../src/schedule/cadence.js";
import { nextDue } from "../../src/schedule/next-due.js";
import { toLocal } from "../../src/schedule/zoned-time.js";

const iso = (c: Cadence, after: string) => nextDue(c, new Date(after)).toISOString();
function series(c: Cadence, after: string, n: number): string[] {
  const out: string[] = [];
  let at = new Date(after);
  for (let i = 0; i < n; i++) {
    at = nextDue(c, at);
    out.push(at.toISOString());
  }
  return out;
}

describe("DST, both directions", () => {
  const mondayBerlin: Cadence = { kind: "weekly", weekday: 1, time: "09:00", timeZone: "Europe/Berlin" };
  it("keeps 09:00 local in Berlin across the October and March changes", () => {
    expect(series(mondayBerlin, "2026-10-18T00:00:00Z", 2)).toEqual([
      "2026-10-19T07:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
    ]);
    expect(series(mondayBerlin, "2027-03-21T00:00:00Z", 2)).toEqual([
      "2027-03-22T08:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
    ]);
  });

  it("moves a time inside the spring gap forward by the gap (Berlin 02:30 -> 03:30 CEST)", () => {
    const c: Cadence = { kind: "weekly", weekday: 7, time: "02:30", timeZone: "Europe/Berlin" };
    expect(iso(c, "2026-03-28T00:00:00Z")).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(c, "2026-03-29T02:00:00Z")).toBe("2026-04-05T00:30:00.000Z");
  });

  it("fires once, at the first occurrence, in the repeated autumn hour (Berlin 02:30 twice)", () => {
    const c: Cadence = { kind: "weekly", weekday: 7, time: "02:30", timeZone: "Europe/Berlin" };
    expect(iso(c, "2026-10-24T00:00:00Z")).toBe("2026-10-25T00:30:00.000Z");
    // Not again at the second 02:30 (01:30Z): the next one is a week later.
    expect(iso(c, "2026-10-25T00:30:00Z")).toBe("2026-11-01T01:30:00.000Z");
  });

  it("handles New York (second Sunday of March, first Sunday of November)", () => {
    const c: Cadence = { kind: "weekly", weekday: 7, time: "02:30", timeZone: "America/New_York" };
    expect(iso(c, "2027-03-13T00:00:00Z")).toBe("2027-03-14T07:30:00.000Z"); // gap: 03:30 EDT
    // New York repeats 01:00-02:00: 01:30 fires at its first (EDT) occurrence only.
    const repeated: Cadence = { ...c, time: "01:30" };
    expect(iso(repeated, "2026-10-31T12:00:00Z")).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(repeated, "2026-11-01T05:30:00Z")).toBe("2026-11-08T06:30:00.000Z");
    const monday: Cadence = { kind: "weekly", weekday: 1, time: "09:00", timeZone: "America/New_York" };
    expect(series(monday, "2026-10-25T00:00:00Z", 2)).toEqual(["2026-10-26T13:00:00.000Z", "2026-11-02T14:00:00.000Z"]);
  });

  it("handles Sydney (forward first Sunday of October, back first Sunday of April)", () => {
    const c: Cadence = { kind: "weekly", weekday: 7, time: "02:30", timeZone: "Australia/Sydney" };
    expect(iso(c, "2026-10-03T00:00:00Z")).toBe("2026-10-03T16:30:00.000Z"); // 03:30 AEDT on 4 Oct
    expect(iso(c, "2027-04-03T00:00:00Z")).toBe("2027-04-03T15:30:00.000Z"); // first 02:30 (AEDT) on 4 Apr
    const monday: Cadence = { kind: "weekly", weekday: 1, time: "09:00", timeZone: "Australia/Sydney" };
    expect(series(monday, "2026-09-27T00:00:00Z", 2)).toEqual(["2026-09-27T23:00:00.000Z", "2026-10-04T22:00:00.000Z"]);
  });

  it("evaluates cron expressions in the zone across a change", () => {
    const c: Cadence = { kind: "cron", expression: "30 9 * * 1-5", timeZone: "America/New_York" };
    expect(series(c, "2026-10-30T00:00:00Z", 2)).toEqual(["2026-10-30T13:30:00.000Z", "2026-11-02T14:30:00.000Z"]);
  });
});

describe("month ends and leap days", () => {
  it("fires on the 31st where it exists and on the last day elsewhere", () => {
    const c: Cadence = { kind: "monthly", day: 31, time: "10:00", timeZone: "UTC" };
    expect(series(c, "2026-12-31T12:00:00Z", 12).map((s) => s.slice(0, 10))).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
      "2027-06-30",
      "2027-07-31",
      "2027-08-31",
      "2027-09-30",
      "2027-10-31",
      "2027-11-30",
      "2027-12-31",
    ]);
  });

  it("uses 29 February in leap years only", () => {
    const c: Cadence = { kind: "monthly", day: 29, time: "10:00", timeZone: "Europe/Berlin" };
    expect(iso(c, "2028-02-01T00:00:00Z")).toBe("2028-02-29T09:00:00.000Z");
    expect(iso(c, "2027-02-01T00:00:00Z")).toBe("2027-02-28T09:00:00.000Z");
  });

  it("runs quarterly and biweekly sequences", () => {
    const q: Cadence = { kind: "quarterly", day: 15, time: "10:00", timeZone: "UTC" };
    expect(series(q, "2026-11-22T00:00:00Z", 3).map((s) => s.slice(0, 10))).toEqual([
      "2027-01-15",
      "2027-04-15",
      "2027-07-15",
    ]);
    const b: Cadence = { kind: "biweekly", weekday: 2, time: "10:00", timeZone: "UTC", anchor: "2026-11-24" };
    expect(series(b, "2026-11-22T00:00:00Z", 3).map((s) => s.slice(0, 10))).toEqual([
      "2026-11-24",
      "2026-12-08",
      "2026-12-22",
    ]);
  });
});

describe("properties", () => {
  const zones = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC", "Asia/Kolkata"];
  const cadenceArb: fc.Arbitrary<Cadence> = fc.oneof(
    fc.record({
      kind: fc.constantFrom("weekly" as const, "biweekly" as const),
      weekday: fc.integer({ min: 1, max: 7 }),
      time: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      timeZone: fc.constantFrom(...zones),
    }),
    fc.record({
      kind: fc.constantFrom("monthly" as const, "quarterly" as const),
      day: fc.integer({ min: 1, max: 31 }),
      time: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      timeZone: fc.constantFrom(...zones),
    }),
  );
  const afterArb = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms));

  it("is strictly after `after`, strictly increasing, and at the cadence's wall-clock time unless skipped", () => {
    fc.assert(
      fc.property(cadenceArb, afterArb, (cadence, after) => {
        const first = nextDue(cadence, after);
        const second = nextDue(cadence, first);
        expect(first.getTime()).toBeGreaterThan(after.getTime());
        expect(second.getTime()).toBeGreaterThan(first.getTime());
        if (cadence.kind !== "cron") {
          const local = toLocal(first.getTime(), cadence.timeZone);
          const [h, m] = cadence.time.split(":").map(Number);
          const onTime = local.hour === h && local.minute === m;
          // Only a DST gap may move it, and then by at most an hour forward.
          const shift = (local.hour * 60 + local.minute - ((h ?? 0) * 60 + (m ?? 0)) + 1440) % 1440;
          expect(onTime || shift <= 60).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

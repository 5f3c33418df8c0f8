import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { historyAltText, historySvg } from "../../src/chart/history-svg.js";
import { svgToPng } from "../../src/chart/png.js";
import { blank, pixel, pngSize, rightEdgeIsBlank } from "./png-checks.js";
import { sampleHistory } from "./sample-history.js";
import { LEVEL_NAMES } from "./sample-summary.js";

const golden = join(import.meta.dirname, "golden", "history.svg");
const heightOf = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);
const widthOf = (svg: string) => Number(/width="(\d+)"/.exec(svg)?.[1]);

// The layout, as a reader's eye finds it: 5 columns of 92.8 units from x=236; the overall panel puts L0 at y=206
// and each level 30 higher; the heat strip's rows start at y=267, 40 apart.
const column = (round: number) => 236 + 92.8 * (round + 0.5);
const rowMid = (row: number) => 267 + row * 40 + 20;
const levelY = (level: number) => 206 - level * 30;

describe("history chart", () => {
  const svg = historySvg(sampleHistory, LEVEL_NAMES);

  it("matches the golden SVG (UPDATE_GOLDEN=1 rewrites it after a deliberate change)", () => {
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden, svg);
    expect(svg).toBe(readFileSync(golden, "utf8"));
  });

  it("renders a PNG at twice the SVG's size, narrow like the summary chart: 1440 px wide", () => {
    const png = svgToPng(svg);
    expect(pngSize(png)).toEqual({ width: 1440, height: heightOf(svg) * 2 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("says whose it is and when: the team's name and the days of its first and last round", () => {
    const title = "#ml-platform · 31 Mar 2025 – 31 Mar 2026";
    expect(svg).toContain(`font-weight="bold" fill="#1f2933">${title}</text>`);
    expect(historyAltText(sampleHistory, LEVEL_NAMES).startsWith(`${title}, `)).toBe(true);
  });

  it("stays readable on a phone: no text under 28 px in the PNG (6 px when a phone shows it 330 px wide)", () => {
    const scale = pngSize(svgToPng(svg)).width / widthOf(svg);
    const smallest = Math.min(...[...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1])));
    expect(smallest * scale).toBeGreaterThanOrEqual(28);
    expect((smallest * 330) / widthOf(svg)).toBeGreaterThanOrEqual(6);
  });

  it("wraps the default model's dimension names instead of cutting them, and runs nothing off its edge", () => {
    expect(svg).not.toContain("…");
    expect(svg).toContain(">Reproducibility &#38;</text>");
    expect(svg).toContain(">traceability</text>");
    for (const name of sampleHistory.dimensions.filter((n) => n.length <= 24))
      expect(svg).toContain(`>${name.replace("&", "&#38;")}</text>`);
    expect(rightEdgeIsBlank(svg)).toBe(true);
  });

  it("draws the same bytes for the same data", () => {
    expect(historySvg(structuredClone(sampleHistory), [...LEVEL_NAMES])).toBe(svg);
  });

  it("colours each dimension's cell by its level in that round", () => {
    // Governance & compliance (row 7) reached L3 in round 4 and slipped to L2 in round 5.
    expect(pixel(svg, column(3) - 30, rowMid(7))).toBe("#3182bd");
    expect(pixel(svg, column(4) - 30, rowMid(7))).toBe("#6baed6");
    // Data & features (row 1) started at L0.
    expect(pixel(svg, column(0) - 30, rowMid(1))).toBe("#c6dbef");
  });

  it("draws the overall level as a line through one point per round", () => {
    expect(pixel(svg, column(4), levelY(2))).toBe("#1f2933");
    expect(pixel(svg, (column(0) + column(1)) / 2, levelY(0))).toBe("#1f2933");
    // Nothing at L4, where the team has never been.
    expect(pixel(svg, column(4), levelY(4) - 6)).toBe("#ffffff");
  });

  it("marks every rise and fall since the round before, the target, and every level name", () => {
    const rises = sampleHistory.rounds
      .slice(1)
      .flatMap((r, i) => r.levels.filter((level, d) => level > (sampleHistory.rounds[i]?.levels[d] ?? level)));
    expect(svg.match(/ ▲</g)?.length).toBe(rises.length);
    expect(svg.match(/ ▼</g)?.length).toBe(1);
    expect(svg.match(/stroke-dasharray/g)?.length).toBe(2); // the line and the legend's
    expect(svg).toContain("Now Level 2 · Automated training · up from L1 on 31 Dec 2025 · target L3");
    // The level names sit in the key, with the colours the cells are drawn in.
    for (const [level, name] of LEVEL_NAMES.entries()) expect(svg).toContain(`>L${level} ${name}</text>`);
    // The legend says what the arrows mean, and what no arrow means.
    expect(svg).toContain("▲ ▼ a dimension moved since the round before; no mark: unchanged");
    // Dates read as day and month, the year once per year.
    expect(svg.match(/>31 Mar</g)?.length).toBe(2);
    expect(svg.match(/>2025</g)?.length).toBe(1);
  });

  it("escapes names that look like markup", () => {
    const hostile = historySvg(
      {
        ...sampleHistory,
        title: `<script>alert("x")</script>`,
        dimensions: ["A&B <Ops>", ...sampleHistory.dimensions.slice(1)],
        rounds: sampleHistory.rounds.map((r) => ({ ...r, label: `"><img>` })),
      },
      LEVEL_NAMES,
    );
    expect(hostile).not.toContain("<script>");
    expect(hostile).not.toContain("<img>");
    expect(hostile).toContain("A&#38;B &#60;Ops&#62;");
    expect(() => svgToPng(hostile)).not.toThrow();
  });

  it("draws a single round as one point and one column, saying more will come", () => {
    const one = { ...sampleHistory, rounds: sampleHistory.rounds.slice(0, 1) };
    const single = historySvg(one, LEVEL_NAMES);
    expect(single).not.toContain("<polyline");
    expect(single.match(/<circle/g)?.length).toBe(2); // the point and the legend's
    expect(single).not.toMatch(/ [▲▼]</);
    expect(single).toContain("The line grows as more rounds close.");
    expect(pixel(single, column(0), levelY(0))).toBe("#1f2933");
    expect(pngSize(svgToPng(single)).width).toBe(1440);
    expect(historyAltText(one, LEVEL_NAMES)).toBe(
      "#ml-platform · 31 Mar 2025, first round 31 Mar 2025: Level 0 No MLOps. Team & ownership L1, Data & features L0, " +
        "Reproducibility & traceability L1, Training automation L0, Testing & quality L0, Deployment & release L1, " +
        "Monitoring & feedback L0, Governance & compliance L1. Target L3.",
    );
  });

  it("still draws (an empty plot) before any round has closed", () => {
    const none = { ...sampleHistory, rounds: [] };
    expect(historySvg(none, LEVEL_NAMES)).toContain("No closed rounds yet");
    expect(pngSize(svgToPng(historySvg(none, LEVEL_NAMES))).width).toBe(1440);
    expect(historyAltText(none, LEVEL_NAMES)).toBe("#ml-platform: no closed rounds yet. Target L3.");
  });

  it("keeps to the latest 12 rounds when a team has more", () => {
    const rounds = Array.from({ length: 15 }, (_, i) => ({
      label: `R${i + 1}`,
      overall: i % 5,
      levels: sampleHistory.dimensions.map(() => i % 5),
    }));
    const long = historySvg({ ...sampleHistory, rounds }, LEVEL_NAMES);
    expect(long).not.toContain(">R3<");
    expect(long).toContain(">R4<");
    expect(long).toContain(">R15<");
    expect(historyAltText({ ...sampleHistory, rounds }, LEVEL_NAMES)).toMatch(/per round: R4 L3, .*R15 L4/);
  });

  it("keeps twelve rounds (all a link carries) readable: each level and mark in its cell, dates that do not collide", () => {
    const rounds = Array.from({ length: 12 }, (_, i) => ({
      label: `20${24 + Math.floor(i / 4)}-${String((i % 4) * 3 + 3).padStart(2, "0")}-30`,
      overall: Math.min(4, Math.floor(i / 3)),
      levels: sampleHistory.dimensions.map((_, d) => Math.min(4, Math.floor((i + d) / 3))),
    }));
    const twelve = historySvg({ ...sampleHistory, rounds }, LEVEL_NAMES);
    expect(twelve.match(/>\d( [▲▼])?<\/text>/g)?.length).toBe(12 * 8);
    expect(twelve).toContain(">#ml-platform · 30 Mar 2024 – 30 Dec 2026</text>");
    // Columns of 38.7 units: the day, the month and (where it changes) the year stack inside each one, so nothing
    // crosses the line between two columns in the band of dates under the overall panel.
    const width = 464 / 12;
    for (let k = 1; k < 12; k++) {
      expect(
        blank(twelve, { x: 236 + k * width - 0.5, y: 222, width: 1, height: 54 }),
        `between ${k} and ${k + 1}`,
      ).toBe(true);
    }
    expect(rightEdgeIsBlank(twelve)).toBe(true);
  });

  it("wraps a long team name in the title, keeping the dates whole, and runs nothing off its edge", () => {
    const long = historySvg(
      { ...sampleHistory, title: "Contoso Data Science Platform › Model Monitoring" },
      LEVEL_NAMES,
    );
    expect(long).toContain(">Contoso Data Science Platform › Model Monitoring</text>");
    expect(long).toContain(">31 Mar 2025 – 31 Mar 2026</text>");
    expect(rightEdgeIsBlank(long)).toBe(true);
  });

  it("says the same in words: the overall level per round and what moved between the last two", () => {
    const alt = historyAltText(sampleHistory, LEVEL_NAMES);
    expect(alt).toBe(
      "#ml-platform · 31 Mar 2025 – 31 Mar 2026, overall level per round: 31 Mar 2025 L0, 30 Jun 2025 L0, " +
        "30 Sep 2025 L1, 31 Dec 2025 L1, 31 Mar 2026 L2 (Automated training). Since 31 Dec 2025: Team & ownership up L2 → L3, " +
        "Reproducibility & traceability up L2 → L3, Testing & quality up L1 → L2, Deployment & release up L2 → L3, " +
        "Monitoring & feedback up L1 → L2, Governance & compliance down L3 → L2. Target L3.",
    );
    expect(svg).toContain(`<title>${alt.replaceAll("&", "&#38;")}</title>`);
    const still = { ...sampleHistory, rounds: [...sampleHistory.rounds, { ...sampleHistory.rounds[4]!, label: "x" }] };
    expect(historyAltText(still, LEVEL_NAMES)).toContain("No dimension moved since 31 Mar 2026.");
  });
});

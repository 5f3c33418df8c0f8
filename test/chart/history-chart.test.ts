import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { historyAltText, historySvg } from "../../src/chart/history-svg.js";
import { svgToPng } from "../../src/chart/png.js";
import { pixel, pngSize } from "./png-checks.js";
import { sampleHistory } from "./sample-history.js";
import { LEVEL_NAMES } from "./sample-summary.js";

const golden = join(import.meta.dirname, "golden", "history.svg");
const heightOf = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);

// The layout, as a reader's eye finds it: 5 columns of 106 px from x=246; the heat strip's rows start at y=236,
// 24 px apart; the overall panel puts L0 at y=190 and each level 26 px higher.
const column = (round: number) => 246 + 106 * (round + 0.5);
const rowMid = (row: number) => 236 + row * 24 + 10;
const levelY = (level: number) => 190 - level * 26;

describe("history chart", () => {
  const svg = historySvg(sampleHistory, LEVEL_NAMES);

  it("matches the golden SVG (UPDATE_GOLDEN=1 rewrites it after a deliberate change)", () => {
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden, svg);
    expect(svg).toBe(readFileSync(golden, "utf8"));
  });

  it("renders a PNG at twice the SVG's size, chat-sized: 800 wide, under 500 high", () => {
    expect(heightOf(svg)).toBeLessThan(500);
    const png = svgToPng(svg);
    expect(pngSize(png)).toEqual({ width: 1600, height: heightOf(svg) * 2 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("draws the same bytes for the same data", () => {
    expect(historySvg(structuredClone(sampleHistory), [...LEVEL_NAMES])).toBe(svg);
  });

  it("colours each dimension's cell by its level in that round", () => {
    // Governance & compliance (row 7) reached L3 in round 4 and slipped to L2 in round 5.
    expect(pixel(svg, column(3) - 35, rowMid(7))).toBe("#3182bd");
    expect(pixel(svg, column(4) - 35, rowMid(7))).toBe("#6baed6");
    // Data & features (row 1) started at L0.
    expect(pixel(svg, column(0) - 35, rowMid(1))).toBe("#c6dbef");
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
    expect(svg).toContain("Now Level 2 · Automated training · up from L1 on 2025-12-31 · target L3");
    for (const name of LEVEL_NAMES) expect(svg).toContain(name);
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
    expect(single).toContain("The first round");
    expect(pixel(single, column(0), levelY(0))).toBe("#1f2933");
    expect(pngSize(svgToPng(single)).width).toBe(1600);
    expect(historyAltText(one, LEVEL_NAMES)).toBe(
      "MLOps maturity over time, first round 2025-03-31: Level 0 No MLOps. Team & ownership L1, Data & features L0, " +
        "Reproducibility & traceability L1, Training automation L0, Testing & quality L0, Deployment & release L1, " +
        "Monitoring & feedback L0, Governance & compliance L1. Target L3.",
    );
  });

  it("still draws (an empty plot) before any round has closed", () => {
    const none = { ...sampleHistory, rounds: [] };
    expect(historySvg(none, LEVEL_NAMES)).toContain("No closed rounds yet");
    expect(pngSize(svgToPng(historySvg(none, LEVEL_NAMES))).width).toBe(1600);
    expect(historyAltText(none, LEVEL_NAMES)).toBe("MLOps maturity over time: no closed rounds yet. Target L3.");
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

  it("says the same in words: the overall level per round and what moved between the last two", () => {
    const alt = historyAltText(sampleHistory, LEVEL_NAMES);
    expect(alt).toBe(
      "MLOps maturity over time, overall level per round: 2025-03-31 L0, 2025-06-30 L0, 2025-09-30 L1, " +
        "2025-12-31 L1, 2026-03-31 L2 (Automated training). Since 2025-12-31: Team & ownership up L2 → L3, " +
        "Reproducibility & traceability up L2 → L3, Testing & quality up L1 → L2, Deployment & release up L2 → L3, " +
        "Monitoring & feedback up L1 → L2, Governance & compliance down L3 → L2. Target L3.",
    );
    expect(svg).toContain(`<title>${alt.replaceAll("&", "&#38;")}</title>`);
    const still = { ...sampleHistory, rounds: [...sampleHistory.rounds, { ...sampleHistory.rounds[4]!, label: "x" }] };
    expect(historyAltText(still, LEVEL_NAMES)).toContain("No dimension moved since 2026-03-31.");
  });
});

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { svgToPng } from "../../src/chart/png.js";
import { chartAltText, summarySvg } from "../../src/chart/summary-svg.js";
import { pixel, pngSize, rightEdgeIsBlank } from "./png-checks.js";
import { LEVEL_NAMES, sampleSummary } from "./sample-summary.js";

const golden = join(import.meta.dirname, "golden", "summary.svg");

describe("summary chart", () => {
  const svg = summarySvg(sampleSummary, LEVEL_NAMES);

  it("matches the golden SVG (UPDATE_GOLDEN=1 rewrites it after a deliberate change)", () => {
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden, svg);
    expect(svg).toBe(readFileSync(golden, "utf8"));
  });

  it("renders a PNG at twice the SVG's size, big enough to read in chat", () => {
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const png = svgToPng(svg);
    expect(pngSize(png)).toEqual({ width: 1440, height: height * 2 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("draws each dimension's bar as long as its level, in that level's colour", () => {
    // Row 3 (Reproducibility, L3) ends at 3/4 of the plot; row 8 (Governance, L4) runs to the end.
    const rowMid = (row: number) => 78 + row * 40 + 20;
    expect(pixel(svg, 230 + 430 * 0.7, rowMid(2))).toBe("#3182bd");
    expect(pixel(svg, 230 + 430 * 0.8, rowMid(2))).not.toBe("#3182bd");
    expect(pixel(svg, 230 + 430 * 0.95, rowMid(7))).toBe("#08519c");
    // Testing (L1) stops at a quarter.
    expect(pixel(svg, 230 + 430 * 0.2, rowMid(4))).toBe("#9ecae1");
    expect(pixel(svg, 230 + 430 * 0.3, rowMid(4))).not.toBe("#9ecae1");
  });

  it("draws no bar for an unrated dimension, only its question mark, and says the headline is provisional", () => {
    const unrated = {
      ...sampleSummary,
      overall: { ...sampleSummary.overall, unrated: 1 },
      dimensions: sampleSummary.dimensions.map((d, i) => (i === 2 ? { ...d, unresolved: true } : d)),
    };
    const drawn = summarySvg(unrated, LEVEL_NAMES);
    const rowMid = (row: number) => 78 + row * 40 + 20;
    // Reproducibility (L3 above) has no bar at all now: the plot is white where its bar was.
    expect(pixel(drawn, 230 + 430 * 0.5, rowMid(2))).not.toBe("#3182bd");
    expect(drawn).toContain("? not rated");
    expect(drawn).toContain("provisional: 1 dimension unrated");
  });

  it("marks last round only where the level changed, the target on every row, and disagreement", () => {
    const diamonds = svg.match(/<path d="M[^"]*" fill="#ffffff"/g) ?? [];
    const changed = sampleSummary.dimensions.filter((d) => d.previous !== undefined && d.previous !== d.level);
    expect(diamonds.length).toBe(changed.length + 1); // + the legend's
    expect(svg.match(/stroke-dasharray/g)?.length).toBe(sampleSummary.dimensions.length + 1);
    expect(svg).toContain("L2 ⚠");
    expect(svg).toContain("up from L0");
  });

  it("shows every level name on the axis and escapes names that look like markup", () => {
    for (const name of LEVEL_NAMES) expect(svg).toContain(name.slice(0, 10));
    const hostile = summarySvg(
      {
        ...sampleSummary,
        title: `<script>alert("x")</script> & co`,
        dimensions: [{ ...sampleSummary.dimensions[0], name: "A&B <Ops>" } as (typeof sampleSummary.dimensions)[0]],
      },
      LEVEL_NAMES,
    );
    expect(hostile).not.toContain("<script>");
    expect(hostile).toContain("A&#38;B &#60;Ops&#62;");
    expect(() => svgToPng(hostile)).not.toThrow();
  });

  it("stays readable on a phone: no text under 14 units (28 px in the 1440 px PNG), names wrapped, not cut", () => {
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    expect(svg).not.toContain("…");
    expect(svg).toContain(">Reproducibility &#38;</text>");
    expect(svg).toContain(">traceability</text>");
    expect(svg).toContain("no diamond: unchanged");
    expect(rightEdgeIsBlank(svg)).toBe(true);
  });

  it("says whose it is and when, in the picture and in its words; a long name wraps and keeps the date", () => {
    expect(svg).toContain('font-weight="bold" fill="#1f2933">#ml-platform · 5 Dec 2026</text>');
    expect(chartAltText(sampleSummary).startsWith("#ml-platform · 5 Dec 2026: Level 1")).toBe(true);
    const title = "Contoso Data Science Platform › Model Monitoring · as of 5 Dec 2026";
    const long = summarySvg({ ...sampleSummary, title }, LEVEL_NAMES);
    expect(long).toContain(">Contoso Data Science Platform › Model Monitoring</text>");
    expect(long).toContain(">as of 5 Dec 2026</text>");
    expect(rightEdgeIsBlank(long)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { contextsOf, type Level, MIN_ANSWERS_PER_LEVEL } from "../../src/engine/model-schema.js";
import { recommend, standingsOf } from "../../src/engine/recommend.js";
import { score } from "../../src/engine/score.js";

/** What the default model promises a team that answers it honestly: the seeds' level N reads as level N. */
const model = defaultModel;
const dimensions = model.dimensions.map((d) => d.id);
const levels = [0, 1, 2, 3, 4] as const;

/** Deep answers "in the spirit" of quick option N: every practice up to level N fully in place, none above. */
function deepInSpiritOf(levelOf: (dimension: string) => number): Record<string, string> {
  return Object.fromEntries(model.deep.map((p) => [p.id, p.level <= levelOf(p.dimension) ? "fully" : "no"]));
}

function quickAt(levelOf: (dimension: string) => number): Record<string, string> {
  return Object.fromEntries(model.quick.map((q) => [q.id, String(levelOf(q.dimension))]));
}

describe("the default model's verdict", () => {
  it("gives level 4 to all 'Yes, fully' and level 0 to all 'No', in deep and quick mode", () => {
    const all = (value: string) => Object.fromEntries(model.deep.map((p) => [p.id, value]));
    expect(score(model, "deep", all("fully"))).toMatchObject({ overall: 4, unrated: [] });
    expect(score(model, "deep", all("no"))).toMatchObject({ overall: 0, unrated: [] });
    expect(
      score(
        model,
        "quick",
        quickAt(() => 4),
      ).overall,
    ).toBe(4);
    expect(
      score(
        model,
        "quick",
        quickAt(() => 0),
      ).overall,
    ).toBe(0);
  });

  it.each(dimensions)("puts %s at level N in deep mode exactly when quick option N is picked", (dimension) => {
    for (const n of levels) {
      // The dimension at N, every other one at 4, so the overall level is N too.
      const levelOf = (d: string) => (d === dimension ? n : 4);
      const deep = score(model, "deep", deepInSpiritOf(levelOf));
      const quick = score(model, "quick", quickAt(levelOf));
      expect(deep.dimensions.find((d) => d.dimension === dimension)?.level, `deep, level ${n}`).toBe(n);
      expect(quick.dimensions.find((d) => d.dimension === dimension)?.level, `quick, level ${n}`).toBe(n);
      expect([deep.overall, quick.overall]).toEqual([n, n]);
    }
  });

  it("keeps a level when one of its practices is only partly in place, where another is fully", () => {
    // Level 1 rests on two practices in every dimension: one of them "partly" still reaches it.
    for (const dimension of dimensions) {
      const answers = deepInSpiritOf((d) => (d === dimension ? 1 : 4));
      const first = model.deep.find((p) => p.dimension === dimension && p.level === 1);
      if (first) answers[first.id] = "partly";
      expect(score(model, "deep", answers).dimensions.find((d) => d.dimension === dimension)?.level).toBe(1);
    }
  });

  it("never makes one Not sure among top answers a level 0 headline, in quick or deep mode", () => {
    for (const q of model.quick) {
      const result = score(model, "quick", { ...quickAt(() => 4), [q.id]: "not-sure" });
      expect(result, q.id).toMatchObject({ overall: 4, unrated: [q.dimension] });
    }
    const top = deepInSpiritOf(() => 4);
    for (const p of model.deep) {
      const result = score(model, "deep", { ...top, [p.id]: "not-sure" });
      expect(result.overall, p.id).toBe(4);
      // Where that answer decides its dimension, the dimension is unrated (and asked about), never level 0.
      const dim = result.dimensions.find((d) => d.dimension === p.dimension);
      expect(dim?.unresolved || dim?.level === 4, p.id).toBe(true);
    }
  });

  it("decides no level of any dimension on fewer than two answers, in any context", () => {
    for (const applies of contextsOf(model)) {
      const asked = model.deep.filter((p) => p.appliesTo.some((tag) => applies.includes(tag)));
      expect(asked.length).toBeLessThanOrEqual(40);
      for (const dimension of dimensions) {
        const at = (level: number) => asked.filter((p) => p.dimension === dimension && p.level === level).length;
        expect(at(1), `${dimension} level 1`).toBeGreaterThanOrEqual(MIN_ANSWERS_PER_LEVEL);
        for (const level of [2, 3, 4]) {
          // A higher level needs a practice of its own, and stands on the level below it.
          expect(at(level), `${dimension} level ${level}`).toBeGreaterThanOrEqual(1);
          expect(at(level) + at(level - 1), `${dimension} level ${level}`).toBeGreaterThanOrEqual(
            MIN_ANSWERS_PER_LEVEL,
          );
        }
      }
    }
  });

  it("tells a team starting out to put its code in version control first", () => {
    for (const mode of ["quick", "deep"] as const) {
      const answers = mode === "quick" ? quickAt(() => 0) : deepInSpiritOf(() => 0);
      const steps = recommend(model, standingsOf(model, score(model, mode, answers)));
      const first = model.deep.find((p) => p.id === steps[0]?.practiceId);
      expect(first?.stage, mode).toBe("version-control");
    }
  });

  it("gives each uniform level its own next steps, never a practice already in place, never above target", () => {
    const firsts = new Set<string>();
    for (const n of [0, 1, 2, 3] as const) {
      const answers = deepInSpiritOf(() => n);
      const steps = recommend(model, standingsOf(model, score(model, "deep", answers)));
      expect(steps).toHaveLength(3);
      for (const s of steps) expect(answers[s.practiceId ?? ""], `${n}: ${s.practiceId}`).not.toBe("fully");
      expect(steps.every((s) => s.unlocksLevel === n + 1)).toBe(true);
      firsts.add(steps.map((s) => s.practiceId).join(","));
      const target = n as Level;
      expect(recommend(model, standingsOf(model, score(model, "deep", answers)), target)).toEqual([]);
    }
    expect(firsts.size).toBe(4);
  });
});

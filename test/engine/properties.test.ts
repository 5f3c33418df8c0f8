import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recommend, standingsOf } from "../../src/engine/recommend.js";
import { score } from "../../src/engine/score.js";
import { fixtureModel } from "./fixture-model.js";

const ORDER = ["no", "partly", "fully"] as const;
const practiceIds = fixtureModel.deep.map((p) => p.id);
const answerArb = fc.constantFrom("fully", "partly", "no", "na", "not-sure");
const answersArb = fc
  .tuple(
    fc.constantFrom("0", "1"),
    fc.array(answerArb, { minLength: practiceIds.length, maxLength: practiceIds.length }),
  )
  .map(([context, values]) => {
    const answers: Record<string, string> = { context };
    practiceIds.forEach((id, i) => {
      answers[id] = values[i] ?? "no";
    });
    return answers;
  });

describe("scoring properties", () => {
  it("raising any one answer never lowers any level", () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...practiceIds), (answers, id) => {
        const rank = ORDER.indexOf(answers[id] as (typeof ORDER)[number]);
        fc.pre(rank >= 0 && rank < ORDER.length - 1);
        const before = score(fixtureModel, "deep", answers);
        const after = score(fixtureModel, "deep", { ...answers, [id]: ORDER[rank + 1] ?? "fully" });
        // The weakest level known for sure never drops. (The headline may: a provisional headline that left an
        // unrated dimension out becomes definite once that dimension is rated.)
        const floor = (r: typeof before) => Math.min(...r.dimensions.map((d) => d.level));
        expect(floor(after)).toBeGreaterThanOrEqual(floor(before));
        if (after.unrated.length === before.unrated.length)
          expect(after.overall).toBeGreaterThanOrEqual(before.overall);
        after.dimensions.forEach((d, i) => {
          expect(d.level).toBeGreaterThanOrEqual(before.dimensions[i]?.level ?? 0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("raising a quick ladder answer never lowers any level", () => {
    const level = fc.constantFrom("0", "1", "2", "3");
    fc.assert(
      fc.property(fc.tuple(level, level, level), fc.constantFrom(0, 1, 2), ([c, d, o], which) => {
        const base = { "q-code": c, "q-data": d, "q-ops": o };
        const key = (["q-code", "q-data", "q-ops"] as const)[which] ?? "q-code";
        const raised = { ...base, [key]: String(Number(base[key]) + 1) };
        const before = score(fixtureModel, "quick", base);
        const after = score(fixtureModel, "quick", raised);
        expect(after.overall).toBeGreaterThanOrEqual(before.overall);
      }),
    );
  });

  it("a level whose practices are all N/A is never achieved but not assessable", () => {
    fc.assert(
      fc.property(
        answersArb,
        fc.constantFrom("code", "data", "ops"),
        fc.constantFrom(1, 2, 3, 4),
        (answers, dim, level) => {
          const allNa = { ...answers };
          for (const p of fixtureModel.deep) if (p.dimension === dim && p.level === level) allNa[p.id] = "na";
          const result = score(fixtureModel, "deep", allNa);
          const check = result.dimensions.find((d) => d.dimension === dim)?.checks[level - 1];
          expect(check?.status).toBe("not-assessable");
          expect(result.dimensions.find((d) => d.dimension === dim)?.level).toBeLessThan(level);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answer sets with different weakest dimensions get different recommendations", () => {
    const dims = ["code", "data", "ops"] as const;
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2), (a, b, low) => {
        fc.pre(a !== b);
        const answersWithWeakest = (weak: number) =>
          Object.fromEntries(dims.map((d, i) => [`q-${d}`, i === weak ? String(low) : "3"]));
        const recsFor = (weak: number) =>
          recommend(fixtureModel, standingsOf(fixtureModel, score(fixtureModel, "quick", answersWithWeakest(weak))));
        expect(recsFor(a)).not.toEqual(recsFor(b));
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { recommend, standingsOf } from "../../src/engine/recommend.js";
import { score } from "../../src/engine/score.js";
import { deepAnswers, fixtureModel } from "./fixture-model.js";

describe("explain", () => {
  it("names exactly the practices that block the next level", () => {
    const answers: Record<string, string> = {
      ...deepAnswers({ code: 4, data: 1, ops: 4 }),
      "data-2-req": "no",
      "data-2-rec": "not-sure",
    };
    delete answers["data-3-req"];
    const result = score(fixtureModel, "deep", answers);
    expect(explain(fixtureModel, result, "data")).toEqual({
      dimension: "data",
      level: 1,
      nextLevel: 2,
      notAssessable: false,
      blockers: [
        { practiceId: "data-2-req", reason: "required-missing" },
        { practiceId: "data-2-rec", reason: "not-sure" },
      ],
    });
  });

  it("lists practices to raise when only the mean falls short", () => {
    const answers = { ...deepAnswers({ code: 4, data: 1, ops: 4 }), "data-2-req": "partial", "data-2-rec": "partial" };
    const blockers = explain(fixtureModel, score(fixtureModel, "deep", answers), "data").blockers;
    expect(blockers).toEqual([
      { practiceId: "data-2-req", reason: "raise-score" },
      { practiceId: "data-2-rec", reason: "raise-score" },
    ]);
  });

  it("in quick mode names the required practices of the next level", () => {
    const result = score(fixtureModel, "quick", { "q-code": "4", "q-data": "2", "q-ops": "4" });
    expect(explain(fixtureModel, result, "data").blockers).toEqual([
      { practiceId: "data-3-req", reason: "next-level" },
    ]);
    expect(explain(fixtureModel, result, "code")).toMatchObject({ nextLevel: undefined, blockers: [] });
  });
});

describe("recommend", () => {
  it("takes the weakest dimension first, in dependency (stage) order, at most three", () => {
    const answers = deepAnswers({ code: 1, data: 1, ops: 3 });
    const result = score(fixtureModel, "deep", answers);
    const recs = recommend(fixtureModel, standingsOf(fixtureModel, result));
    // code (stage version-control) comes before data (pipelines): both hold the overall level at 1.
    expect(recs.map((r) => r.practiceId)).toEqual(["code-2-req", "code-2-rec", "data-2-req"]);
    expect(recs[0]).toMatchObject({ unlocksLevel: 2, why: "why code 2", how: "how code 2" });
  });

  it("never recommends above the target level", () => {
    const result = score(fixtureModel, "deep", deepAnswers({ code: 2, data: 3, ops: 4 }));
    const standings = standingsOf(fixtureModel, result);
    expect(recommend(fixtureModel, standings, 2)).toEqual([]);
    expect(recommend(fixtureModel, standings, 3).every((r) => r.unlocksLevel <= 3)).toBe(true);
    expect(recommend(fixtureModel, standings, 3).map((r) => r.dimension)).toEqual(["code", "code"]);
  });

  it("gives different advice to teams with different weakest dimensions", () => {
    const weakCode = score(fixtureModel, "quick", { "q-code": "1", "q-data": "3", "q-ops": "3" });
    const weakOps = score(fixtureModel, "quick", { "q-code": "3", "q-data": "3", "q-ops": "1" });
    const a = recommend(fixtureModel, standingsOf(fixtureModel, weakCode)).map((r) => r.practiceId);
    const b = recommend(fixtureModel, standingsOf(fixtureModel, weakOps)).map((r) => r.practiceId);
    expect(a[0]).toBe("code-2-req");
    expect(b[0]).toBe("ops-2-req");
  });
});

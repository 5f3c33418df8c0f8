import { describe, expect, it } from "vitest";
import { aggregate, trend } from "../../src/engine/compare.js";
import { recommend } from "../../src/engine/recommend.js";
import { score } from "../../src/engine/score.js";
import { deepAnswers, fixtureModel } from "./fixture-model.js";

const quick = (code: string, data: string, ops: string) =>
  score(fixtureModel, "quick", { "q-code": code, "q-data": data, "q-ops": ops });

describe("trend", () => {
  it("gives per-dimension deltas and the overall change", () => {
    const t = trend(quick("1", "1", "2"), quick("2", "1", "1"));
    expect(t.overall).toEqual({ from: 1, to: 1, delta: 0 });
    expect(t.dimensions).toEqual([
      { dimension: "code", from: 1, to: 2, delta: 1 },
      { dimension: "data", from: 1, to: 1, delta: 0 },
      { dimension: "ops", from: 2, to: 1, delta: -1 },
    ]);
    expect(t.sameModelVersion).toBe(true);
  });

  it("compares only dimensions present in both rounds and flags a model change", () => {
    const prev = { modelVersion: "0", overall: 1 as const, dimensions: [{ dimension: "code", level: 1 as const }] };
    const t = trend(prev, quick("3", "3", "3"));
    expect(t.dimensions).toEqual([{ dimension: "code", from: 1, to: 3, delta: 2 }]);
    expect(t.sameModelVersion).toBe(false);
  });
});

describe("aggregate", () => {
  it("takes the lower median per dimension and the weakest link over the medians", () => {
    const team = aggregate(fixtureModel, "quick", [quick("1", "2", "4"), quick("3", "2", "4"), quick("4", "3", "0")]);
    expect(team?.dimensions.map((d) => d.median)).toEqual([3, 2, 4]);
    expect(team?.result.overall).toBe(2);
    expect(team?.result.weakest).toEqual(["data"]);
    expect(team?.respondents).toBe(3);
  });

  it("flags disagreement when answers span two levels or more", () => {
    const team = aggregate(fixtureModel, "quick", [quick("1", "2", "2"), quick("3", "3", "2")]);
    expect(team?.dimensions.map((d) => [d.dimension, d.spread, d.disagreement])).toEqual([
      ["code", 2, true],
      ["data", 1, false],
      ["ops", 0, false],
    ]);
    // Lower median of 1 and 3 is 1: the team does not claim a level half of it disputes.
    expect(team?.dimensions[0]?.median).toBe(1);
  });

  it("recommends what most respondents at the team's level are blocked by", () => {
    const a = score(fixtureModel, "deep", { ...deepAnswers({ code: 1, data: 4, ops: 4 }), "code-2-rec": "fully" });
    const b = score(fixtureModel, "deep", deepAnswers({ code: 1, data: 4, ops: 4 }));
    const team = aggregate(fixtureModel, "deep", [a, b]);
    const recs = recommend(fixtureModel, team?.standings ?? []);
    expect(recs.map((r) => r.practiceId)).toEqual(["code-2-req", "code-2-rec"]);
  });

  it("leaves Not sure out of the team's median, and calls a dimension nobody could rate unrated", () => {
    const team = aggregate(fixtureModel, "quick", [
      quick("not-sure", "1", "not-sure"),
      quick("3", "not-sure", "not-sure"),
      quick("3", "1", "not-sure"),
    ]);
    // code: the two who knew said 3 (the one Not sure is not a 0); data: the two who knew said 1.
    expect(team?.dimensions.map((d) => [d.dimension, d.median, d.rated])).toEqual([
      ["code", 3, 2],
      ["data", 1, 2],
      ["ops", 0, 0],
    ]);
    expect(team?.result).toMatchObject({ overall: 1, unrated: ["ops"] });
    expect(team?.standings[2]).toMatchObject({ dimension: "ops", unresolved: true });
  });

  it("has nothing to say about nobody", () => {
    expect(aggregate(fixtureModel, "quick", [])).toBeUndefined();
  });
});

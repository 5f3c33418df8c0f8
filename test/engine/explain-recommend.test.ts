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
        { practiceId: "data-2-req", reason: "missing", defining: true },
        { practiceId: "data-2-rec", reason: "not-sure", defining: false },
      ],
    });
  });

  it("says what was answered, and lists the level's required practices before its recommended ones", () => {
    const answers = { ...deepAnswers({ code: 4, data: 1, ops: 4 }), "data-2-rec": "partly", "data-2-req": "partly" };
    const blockers = explain(fixtureModel, score(fixtureModel, "deep", answers), "data").blockers;
    expect(blockers).toEqual([
      { practiceId: "data-2-req", reason: "partly", defining: true },
      { practiceId: "data-2-rec", reason: "partly", defining: false },
    ]);
    const no = { ...answers, "data-2-rec": "no" };
    expect(explain(fixtureModel, score(fixtureModel, "deep", no), "data").blockers[1]).toEqual({
      practiceId: "data-2-rec",
      reason: "missing",
      defining: false,
    });
  });

  it("in quick mode names the required practices of the next level", () => {
    const result = score(fixtureModel, "quick", { "q-code": "4", "q-data": "2", "q-ops": "4" });
    expect(explain(fixtureModel, result, "data").blockers).toEqual([
      { practiceId: "data-3-req", reason: "next-level", defining: true },
      { practiceId: "data-3-rec", reason: "next-level", defining: false },
    ]);
    expect(explain(fixtureModel, result, "code")).toMatchObject({ nextLevel: undefined, blockers: [] });
  });
});

describe("recommend", () => {
  it("takes the weakest dimensions first, defining practices before recommended ones, in stage order", () => {
    const answers = deepAnswers({ code: 1, data: 1, ops: 3 });
    const result = score(fixtureModel, "deep", answers);
    const recs = recommend(fixtureModel, standingsOf(fixtureModel, result));
    // code (stage version-control) comes before data (pipelines): both hold the overall level at 1, and the
    // required practices that define level 2 come before code's recommended one.
    expect(recs.map((r) => r.practiceId)).toEqual(["code-2-req", "data-2-req", "code-2-rec"]);
    expect(recs[0]).toMatchObject({ kind: "build", unlocksLevel: 2, reason: "missing", why: "why code 2" });
  });

  it("fills up to three from the next dimension up when the weakest has fewer blockers", () => {
    const answers = { ...deepAnswers({ code: 1, data: 2, ops: 4 }), "code-2-rec": "fully" };
    const recs = recommend(fixtureModel, standingsOf(fixtureModel, score(fixtureModel, "deep", answers)));
    expect(recs.map((r) => r.practiceId)).toEqual(["code-2-req", "data-3-req", "data-3-rec"]);
    expect(recs.map((r) => r.unlocksLevel)).toEqual([2, 3, 3]);
  });

  it("never recommends a practice already fully in place, and names a partial one as partial", () => {
    const answers = { ...deepAnswers({ code: 1, data: 4, ops: 4 }), "code-2-req": "partly", "code-2-rec": "no" };
    const recs = recommend(fixtureModel, standingsOf(fixtureModel, score(fixtureModel, "deep", answers)));
    expect(recs.map((r) => [r.practiceId, r.reason])).toEqual([
      ["code-2-req", "partly"],
      ["code-2-rec", "missing"],
    ]);
  });

  it("asks to find out first where nobody knew, with who to ask", () => {
    const quick = score(fixtureModel, "quick", { "q-code": "1", "q-data": "not-sure", "q-ops": "2" });
    const recs = recommend(fixtureModel, standingsOf(fixtureModel, quick));
    expect(recs[0]).toMatchObject({ kind: "find-out", dimension: "data", reason: "unrated", title: "Find out: DATA" });
    expect(recs.slice(1).every((r) => r.kind === "build" && r.dimension !== "data")).toBe(true);
    const deep = score(fixtureModel, "deep", { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "ops-2-req": "not-sure" });
    expect(recommend(fixtureModel, standingsOf(fixtureModel, deep))).toEqual([
      expect.objectContaining({ kind: "find-out", practiceId: "ops-2-req", reason: "not-sure", unlocksLevel: 2 }),
    ]);
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

import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/score.js";
import { deepAnswers, fixtureModel } from "./fixture-model.js";

describe("quick mode scoring", () => {
  it("maps ladder answers straight to levels and takes the weakest core dimension overall", () => {
    const result = score(fixtureModel, "quick", { "q-code": "3", "q-data": "1", "q-ops": "4" });
    expect(result.dimensions.map((d) => d.level)).toEqual([3, 1, 4]);
    expect(result.overall).toBe(1);
    expect(result.weakest).toEqual(["data"]);
    expect(result.profile).toBe(2.7);
  });

  it("treats Not sure as not claiming any level and flags it", () => {
    const result = score(fixtureModel, "quick", { "q-code": "3", "q-data": "not-sure", "q-ops": "4" });
    expect(result.dimensions[1]).toMatchObject({ level: 0, unresolved: true });
    expect(result.overall).toBe(0);
  });
});

describe("deep mode scoring", () => {
  it("achieves a level when required practices are at least partial and the mean is at least 0.75", () => {
    const answers = deepAnswers({ code: 4, data: 2, ops: 1 });
    const result = score(fixtureModel, "deep", answers);
    expect(result.dimensions.map((d) => d.level)).toEqual([4, 2, 1]);
    expect(result.overall).toBe(1);
  });

  it("does not achieve a level whose required practice is No, however good the rest is", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "data-2-req": "no" };
    expect(score(fixtureModel, "deep", answers).dimensions[1]?.level).toBe(1);
  });

  it("needs a mean of 0.75: partial + partial (0.5) is not enough, automated + partial (0.75) is", () => {
    const base = deepAnswers({ code: 4, data: 0, ops: 4 });
    const both = { ...base, "data-1-req": "partial", "data-1-rec": "partial" };
    expect(score(fixtureModel, "deep", both).dimensions[1]?.level).toBe(0);
    const enough = { ...base, "data-1-req": "partial", "data-1-rec": "automated" };
    expect(score(fixtureModel, "deep", enough).dimensions[1]?.level).toBe(1);
  });

  it("never skips a level: level 3 practices do not count while level 2 is missing", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "code-2-req": "no", "code-2-rec": "no" };
    const code = score(fixtureModel, "deep", answers).dimensions[0];
    expect(code?.level).toBe(1);
    expect(code?.checks.map((c) => c.status)).toEqual(["achieved", "not-achieved", "achieved", "achieved"]);
  });

  it("leaves N/A out of the denominator", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "code-1-rec": "na", "code-1-req": "partial" };
    // Only the required practice counts: 0.5 < 0.75, so level 1 is not achieved ...
    expect(score(fixtureModel, "deep", answers).dimensions[0]?.level).toBe(0);
    // ... and with it automated, the N/A does not drag the mean down.
    answers["code-1-req"] = "automated";
    expect(score(fixtureModel, "deep", answers).dimensions[0]?.level).toBe(4);
  });

  it("calls a level with mostly N/A not assessable, never achieved", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "code-2-req": "na", "code-2-rec": "na" };
    const code = score(fixtureModel, "deep", answers).dimensions[0];
    expect(code?.checks[1]?.status).toBe("not-assessable");
    expect(code?.level).toBe(1);
  });

  it("lets Not sure block claiming a level, and marks the dimension unresolved", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "ops-3-rec": "not-sure" };
    const ops = score(fixtureModel, "deep", answers).dimensions[2];
    expect(ops).toMatchObject({ level: 2, unresolved: true });
    expect(ops?.checks[2]?.status).toBe("unresolved");
  });

  it("reports progress to the next level in percent", () => {
    const answers = {
      ...deepAnswers({ code: 1, data: 4, ops: 4 }),
      "code-2-req": "automated",
      "code-2-rec": "partial",
    };
    // 2 of code's level 2 practices: (1 + 0.5) / 2 = 75 % -> achieved; level 3 has nothing -> 0 %.
    expect(score(fixtureModel, "deep", answers).dimensions[0]).toMatchObject({ level: 2, progress: 0 });
    answers["code-2-req"] = "partial";
    expect(score(fixtureModel, "deep", answers).dimensions[0]).toMatchObject({ level: 1, progress: 50 });
  });

  it("hides practices that do not apply to the team's serving context", () => {
    const batch = deepAnswers({ code: 4, data: 4, ops: 4 }, "automated", "0");
    delete batch["ops-2-online"];
    expect(score(fixtureModel, "deep", batch).dimensions[2]?.level).toBe(4);
    const online = { ...batch, context: "1" };
    // The online-only practice now applies and is unanswered, so level 2 cannot be claimed.
    expect(score(fixtureModel, "deep", online).dimensions[2]?.level).toBe(1);
  });

  it("counts answered questions against the questionnaire for the context", () => {
    const result = score(fixtureModel, "deep", { context: "0", "code-1-req": "no" });
    expect(result.answered).toBe(2);
    expect(result.total).toBe(1 + 24);
  });
});

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

  it("leaves a Not sure dimension unrated: out of the headline and the profile, never level 0", () => {
    const result = score(fixtureModel, "quick", { "q-code": "3", "q-data": "not-sure", "q-ops": "4" });
    expect(result.dimensions[1]).toMatchObject({ unresolved: true });
    expect(result.overall).toBe(3);
    expect(result.unrated).toEqual(["data"]);
    expect(result.weakest).toEqual(["code"]);
    expect(result.profile).toBe(3.5);
  });

  it("treats a skipped ladder question like Not sure", () => {
    const result = score(fixtureModel, "quick", { "q-code": "2", "q-ops": "1" });
    expect(result).toMatchObject({ overall: 1, unrated: ["data"], weakest: ["ops"] });
  });
});

describe("deep mode scoring", () => {
  it("achieves a level when required practices are at least partly in place and the mean is at least 0.75", () => {
    const answers = deepAnswers({ code: 4, data: 2, ops: 1 });
    const result = score(fixtureModel, "deep", answers);
    expect(result.dimensions.map((d) => d.level)).toEqual([4, 2, 1]);
    expect(result.overall).toBe(1);
  });

  it("does not achieve a level whose required practice is No, however good the rest is", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "data-2-req": "no" };
    expect(score(fixtureModel, "deep", answers).dimensions[1]?.level).toBe(1);
  });

  it("reaches level 1 with its practices at least partly in place, and no further on partly", () => {
    const base = deepAnswers({ code: 4, data: 0, ops: 4 });
    const level = (answers: Record<string, string>) => score(fixtureModel, "deep", answers).dimensions[1]?.level;
    expect(level({ ...base, "data-1-req": "partly", "data-1-rec": "partly" })).toBe(1);
    // A required practice that is missing keeps level 1 away, whatever the rest says ...
    expect(level({ ...base, "data-1-req": "no", "data-1-rec": "fully" })).toBe(0);
    // ... and so does a mean below one half.
    expect(level({ ...base, "data-1-req": "partly", "data-1-rec": "no" })).toBe(0);
  });

  it("needs three quarters above level 1: partly + partly is on the way to level 2, fully + partly is there", () => {
    const base = deepAnswers({ code: 1, data: 4, ops: 4 });
    const code = (answers: Record<string, string>) => score(fixtureModel, "deep", answers).dimensions[0];
    expect(code({ ...base, "code-2-req": "partly", "code-2-rec": "partly" })).toMatchObject({ level: 1, progress: 50 });
    expect(code({ ...base, "code-2-req": "fully", "code-2-rec": "partly" })?.level).toBe(2);
  });

  it("never skips a level: level 3 practices do not count while level 2 is missing", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "code-2-req": "no", "code-2-rec": "no" };
    const code = score(fixtureModel, "deep", answers).dimensions[0];
    expect(code?.level).toBe(1);
    expect(code?.checks.map((c) => c.status)).toEqual(["achieved", "not-achieved", "achieved", "achieved"]);
  });

  it("leaves N/A out of the denominator", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "code-2-rec": "na", "code-2-req": "partly" };
    // Only the required practice counts: 0.5 < 0.75, so level 2 is not achieved ...
    expect(score(fixtureModel, "deep", answers).dimensions[0]?.level).toBe(1);
    // ... and with it fully in place, the N/A does not drag the mean down.
    answers["code-2-req"] = "fully";
    expect(score(fixtureModel, "deep", answers).dimensions[0]?.level).toBe(4);
  });

  it("calls a level with mostly N/A not assessable, never achieved", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "code-2-req": "na", "code-2-rec": "na" };
    const code = score(fixtureModel, "deep", answers).dimensions[0];
    expect(code?.checks[1]?.status).toBe("not-assessable");
    expect(code?.level).toBe(1);
  });

  it("lets a deciding Not sure leave the dimension unrated, out of the headline", () => {
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "ops-3-req": "not-sure" };
    const result = score(fixtureModel, "deep", answers);
    expect(result.dimensions[2]).toMatchObject({ level: 2, unresolved: true });
    expect(result.dimensions[2]?.checks[2]?.status).toBe("unresolved");
    expect(result).toMatchObject({ overall: 4, unrated: ["ops"], weakest: ["code", "data"] });
  });

  it("ignores a Not sure that cannot change the level either way", () => {
    // Level 1 holds even with the recommended practice counted as No: (1 + 0) / 2 = 0.5.
    const answers = { ...deepAnswers({ code: 4, data: 4, ops: 4 }), "ops-1-rec": "not-sure" };
    expect(score(fixtureModel, "deep", answers).dimensions[2]).toMatchObject({ level: 4, unresolved: false });
  });

  it("rates nothing when every core dimension is unknown, and says so", () => {
    const result = score(fixtureModel, "deep", { context: "0" });
    expect(result.unrated).toEqual(["code", "data", "ops"]);
    expect(result.weakest).toEqual([]);
  });

  it("reports progress to the next level in percent", () => {
    const answers = { ...deepAnswers({ code: 1, data: 4, ops: 4 }), "code-2-req": "fully", "code-2-rec": "partly" };
    // Level 2 holds ((1 + 0.5) / 2); level 3 has nothing in place yet.
    expect(score(fixtureModel, "deep", answers).dimensions[0]).toMatchObject({ level: 2, progress: 0 });
    answers["code-2-req"] = "partly";
    answers["code-2-rec"] = "no";
    expect(score(fixtureModel, "deep", answers).dimensions[0]).toMatchObject({ level: 1, progress: 25 });
  });

  it("hides practices that do not apply to the team's serving context", () => {
    const batch = deepAnswers({ code: 4, data: 4, ops: 4 }, "fully", "0");
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

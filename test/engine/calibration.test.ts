import { describe, expect, it } from "vitest";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { recommend, standingsOf } from "../../src/engine/recommend.js";
import { score } from "../../src/engine/score.js";
import { profiles } from "./calibration/profiles/index.js";

/**
 * Teams written from the seeds' level descriptions, answered in character by someone who never saw how the model
 * scores (test/engine/calibration/). The engine must put each on the level its description gives, in both modes.
 */
const ids = defaultModel.dimensions.map((d) => d.id);

describe.each(profiles)("calibration profile $id", (profile) => {
  it.each(["quick", "deep"] as const)("lands on its levels in %s mode", (mode) => {
    // Where the profile records a dispute with the engine for this mode, the engine must say exactly that.
    const disputed = new Map(
      (profile.disputes ?? []).filter((d) => d.mode === mode).map((d) => [d.dimension, d.got] as const),
    );
    const expected = ids.map((id) => [id, disputed.get(id) ?? profile.expected.dimensions[id]] as const);
    const result = score(defaultModel, mode, mode === "quick" ? profile.quick : profile.deep);
    expect(result.dimensions.map((d) => [d.dimension, d.level])).toEqual(expected);
    const overall = Math.min(...expected.map(([, level]) => level ?? 0));
    expect(result).toMatchObject({ overall, unrated: [] });
    if (disputed.size === 0) expect(overall).toBe(profile.expected.overall);
  });

  it("answers every question of both modes", () => {
    expect(Object.keys(profile.quick).sort()).toEqual(defaultModel.quick.map((q) => q.id).sort());
    expect(Object.keys(profile.deep).sort()).toEqual(defaultModel.deep.map((p) => p.id).sort());
  });

  it("is told first the step its description calls for", () => {
    const result = score(defaultModel, "deep", profile.deep);
    expect(recommend(defaultModel, standingsOf(defaultModel, result))[0]?.practiceId).toBe(profile.firstStep);
  });
});

describe("calibration profiles together", () => {
  it("put every uniform team exactly on its level in both modes, with nothing disputed", () => {
    const uniform = profiles.filter((p) => new Set(Object.values(p.expected.dimensions)).size === 1);
    expect(uniform).toHaveLength(5);
    expect(uniform.flatMap((p) => p.disputes ?? [])).toEqual([]);
    expect(uniform.flatMap((p) => p.corrections ?? [])).toEqual([]);
  });

  it("cover every level as a uniform team, and mixed teams", () => {
    const overall = new Set(profiles.map((p) => p.expected.overall));
    expect([...overall].sort()).toEqual([0, 1, 2, 3, 4]);
    const mixed = profiles.filter((p) => new Set(Object.values(p.expected.dimensions)).size > 1);
    expect(mixed.length).toBeGreaterThanOrEqual(4);
  });

  it("get different top-three steps, team by team", () => {
    const steps = profiles
      .filter((p) => p.expected.overall < 4)
      .map((p) => recommend(defaultModel, standingsOf(defaultModel, score(defaultModel, "deep", p.deep))))
      .map((recs) => recs.map((r) => r.practiceId).join(","));
    expect(new Set(steps).size).toBe(steps.length);
  });
});

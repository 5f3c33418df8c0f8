import { describe, expect, it } from "vitest";
import { partialSnapshot } from "../../flows/summary/partial-snapshot.js";
import { defaultModel } from "../../src/engine/default-model/index.js";

const ids = defaultModel.dimensions.map((d) => d.id);
const snapshot = (level: (id: string) => number, unrated: string[] = []) => ({
  modelVersion: defaultModel.version,
  overall: 0 as const,
  profile: 0,
  dimensions: ids.map((id) => ({
    dimension: id,
    level: level(id) as 0 | 1 | 2 | 3 | 4,
    ...(unrated.includes(id) ? { unrated: true } : {}),
  })),
});

describe("a partial re-check's history entry", () => {
  it("replaces only the re-checked dimension and recomputes the weakest link and the profile", () => {
    const before = { ...snapshot((id) => (id === "deployment-release" ? 1 : 2)), overall: 1 as const };
    const recheck = snapshot(
      (id) => (id === "deployment-release" ? 3 : 0),
      ids.filter((id) => id !== "deployment-release"),
    );
    const after = partialSnapshot(defaultModel, before, recheck, "deployment-release");
    expect(after.dimensions.find((d) => d.dimension === "deployment-release")).toEqual({
      dimension: "deployment-release",
      level: 3,
    });
    expect(after.dimensions.filter((d) => d.dimension !== "deployment-release")).toEqual(
      before.dimensions.filter((d) => d.dimension !== "deployment-release"),
    );
    expect(after.overall).toBe(2);
    expect(after.profile).toBe(Math.round(((2 * (ids.length - 1) + 3) / ids.length) * 10) / 10);
  });

  it("keeps the re-check's own result when the team has no earlier round", () => {
    const recheck = snapshot(() => 1);
    expect(partialSnapshot(defaultModel, undefined, recheck, "deployment-release")).toBe(recheck);
  });
});

import { describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";

const keys = createKeys("ma");
const tagOf = (key: string) => key.match(/\{([^}]*)\}/)?.[1];

describe("keys", () => {
  it("keeps ids that look like separators from making two scopes collide", () => {
    const a = keys.settings({ platform: "slack", workspace: "T1:C2", channel: "C3" });
    const b = keys.settings({ platform: "slack", workspace: "T1", channel: "C2:C3" });
    const c = keys.settings({ platform: "teams", workspace: "T1", channel: "C2:C3" });
    expect(new Set([a, b, c]).size).toBe(3);
    const braces = keys.history({ platform: "slack", workspace: "T}{1", channel: "C" });
    expect(braces.match(/[{}]/g)).toEqual(["{", "}"]);
  });

  it("puts every key of one team in one hash slot, and workspaces apart from each other", () => {
    const team = { platform: "slack" as const, workspace: "T1", channel: "C1" };
    const tags = [
      keys.openRound(team),
      keys.respondents(team, "r1"),
      keys.response(team, "r1", "U1"),
      keys.history(team),
      keys.settings(team),
      keys.message(team, "invitation:r1"),
      keys.nudgeSent(team, "2026-11-23T09:00:00.000Z"),
    ].map(tagOf);
    expect(new Set(tags)).toEqual(new Set(["slack:T1:C1"]));
    expect(tagOf(keys.activeAssessment(team, "U1"))).toBe("slack:T1");
    expect(tagOf(keys.activeAssessment({ platform: "slack", workspace: "T2" }, "U1"))).toBe("slack:T2");
  });

  it("prefixes everything, so deployments can share a Redis", () => {
    const other = createKeys("staging");
    expect(other.nudgesDue()).toBe("staging:nudges-due");
    expect(other.history({ platform: "teams", workspace: "x", channel: "y" }).startsWith("staging:{")).toBe(true);
  });
});

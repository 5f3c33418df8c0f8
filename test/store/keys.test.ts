import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createKeys, type TeamScope } from "../../src/store/keys.js";

const keys = createKeys("ma");

/** The hash tag Redis Cluster hashes on: between the first "{" and the next "}", when non-empty. */
function tagOf(key: string): string | undefined {
  const open = key.indexOf("{");
  const close = key.indexOf("}", open + 1);
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : undefined;
}

type Args = [string, string];
type Builder = { scope: "team" | "workspace" | "global"; arity: 0 | 1 | 2; build: (t: TeamScope, a: Args) => string };
/** Every builder, so a new one that forgets to encode an id (or reuses another's name) fails here. */
const builders: Record<string, Builder> = {
  openRound: { scope: "team", arity: 0, build: (t) => keys.openRound(t) },
  respondents: { scope: "team", arity: 1, build: (t, [a]) => keys.respondents(t, a) },
  response: { scope: "team", arity: 2, build: (t, [a, b]) => keys.response(t, a, b) },
  history: { scope: "team", arity: 0, build: (t) => keys.history(t) },
  settings: { scope: "team", arity: 0, build: (t) => keys.settings(t) },
  message: { scope: "team", arity: 1, build: (t, [a]) => keys.message(t, a) },
  schedule: { scope: "team", arity: 0, build: (t) => keys.schedule(t) },
  nudgeSent: { scope: "team", arity: 1, build: (t, [a]) => keys.nudgeSent(t, a) },
  activeAssessment: { scope: "workspace", arity: 1, build: (t, [a]) => keys.activeAssessment(t, a) },
  teams: { scope: "workspace", arity: 0, build: (t) => keys.teams(t) },
  eventSeen: { scope: "workspace", arity: 1, build: (t, [a]) => keys.eventSeen(t, a) },
  conversationRef: { scope: "workspace", arity: 1, build: (t, [a]) => keys.conversationRef(t, a) },
  userProfile: { scope: "workspace", arity: 1, build: (t, [a]) => keys.userProfile(t, a) },
  preferences: { scope: "workspace", arity: 1, build: (t, [a]) => keys.preferences(t, a) },
  workspaceOrg: { scope: "workspace", arity: 0, build: (t) => keys.workspaceOrg(t) },
  departure: { scope: "workspace", arity: 0, build: (t) => keys.departure(t) },
  nudgesDue: { scope: "global", arity: 0, build: () => keys.nudgesDue() },
  purgesDue: { scope: "global", arity: 0, build: () => keys.purgesDue() },
  slackInstallation: { scope: "global", arity: 1, build: (_t, [a]) => keys.slackInstallation(a) },
  slackOrgInstallation: { scope: "global", arity: 1, build: (_t, [a]) => keys.slackOrgInstallation(a) },
  slackOrgWorkspaces: { scope: "global", arity: 1, build: (_t, [a]) => keys.slackOrgWorkspaces(a) },
  oauthStateUsed: { scope: "global", arity: 1, build: (_t, [a]) => keys.oauthStateUsed(a) },
  lock: { scope: "global", arity: 1, build: (_t, [a]) => keys.lock(a) },
};

// Tiny alphabets full of separators, so random ids often look like each other's prefixes and suffixes.
const SEPARATORS = ["a", ":", "{", "}", "%", "3A"];
const id = fc.string({ unit: fc.constantFrom(...SEPARATORS), maxLength: 3 });
const team = fc.record({ platform: fc.constantFrom("slack", "teams", "terminal"), workspace: id, channel: id });
// Forged requests also send lone surrogates: those and what their escape looks like must not pass for each other.
const anyId = fc.string({ unit: fc.constantFrom(...SEPARATORS, "\ud800", "\udfff", "%ud800", "u"), maxLength: 3 });
const anyTeam = fc.record({
  platform: fc.constantFrom("slack", "teams", "terminal"),
  workspace: anyId,
  channel: anyId,
});
const use = fc.record({ name: fc.constantFrom(...Object.keys(builders)), team: anyTeam, args: fc.tuple(anyId, anyId) });

/** What a key is meant to identify: only the parts its builder actually takes. */
function identity({ name, team: t, args }: { name: string; team: TeamScope; args: Args }) {
  const b = builders[name];
  if (!b) throw new Error(name);
  const scope =
    b.scope === "team"
      ? [t.platform, t.workspace, t.channel]
      : b.scope === "workspace"
        ? [t.platform, t.workspace]
        : [];
  return { key: b.build(t, args), identity: JSON.stringify([name, ...scope, ...args.slice(0, b.arity)]) };
}

describe("keys", () => {
  it("gives two things the same key only when they are the same thing, whatever the ids contain", () => {
    // Many keys per run, so ids that differ only by where a separator sits meet each other often.
    fc.assert(
      fc.property(fc.array(use, { minLength: 100, maxLength: 300 }), (uses) => {
        const owner = new Map<string, string>();
        for (const { key, identity: who } of uses.map(identity)) {
          expect(owner.get(key) ?? who).toBe(who);
          owner.set(key, who);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps ids that look like separators from making two scopes collide", () => {
    const slack = "slack" as const;
    const variants = [
      keys.settings({ platform: slack, workspace: "x:a", channel: "b" }),
      keys.settings({ platform: slack, workspace: "x", channel: "a:b" }),
      keys.settings({ platform: "teams", workspace: "x", channel: "a:b" }),
      keys.settings({ platform: slack, workspace: "x}:{a", channel: "b" }),
      keys.teams({ platform: slack, workspace: "x:a" }),
      keys.response({ platform: slack, workspace: "x", channel: "a" }, "r:1", "u"),
      keys.response({ platform: slack, workspace: "x", channel: "a" }, "r", "1:u"),
    ];
    expect(new Set(variants).size).toBe(variants.length);
    const braces = keys.history({ platform: slack, workspace: "T}{1", channel: "{C}" });
    expect(braces.match(/[{}]/g)).toEqual(["{", "}"]);
  });

  it("puts every key of one team in the team's hash slot, and every workspace key in the workspace's", () => {
    fc.assert(
      fc.property(team, fc.tuple(id, id), (t, args) => {
        const enc = encodeURIComponent;
        for (const b of Object.values(builders)) {
          const expected = {
            team: `${t.platform}:${enc(t.workspace)}:${enc(t.channel)}`,
            workspace: `${t.platform}:${enc(t.workspace)}`,
          };
          if (b.scope !== "global") expect(tagOf(b.build(t, args))).toBe(expected[b.scope]);
        }
      }),
    );
    const t = { platform: "slack" as const, workspace: "T1", channel: "C1" };
    expect(tagOf(keys.response(t, "r1", "U1"))).toBe("slack:T1:C1");
    expect(tagOf(keys.activeAssessment(t, "U1"))).toBe("slack:T1");
  });

  it("names a workspace's data by two prefixes that cover every key of it and no key of another workspace", () => {
    fc.assert(
      fc.property(anyTeam, anyTeam, fc.tuple(anyId, anyId), (mine, other, args) => {
        const prefixes = keys.workspaceData(mine);
        const covered = (key: string) => prefixes.some((p) => key.startsWith(p));
        for (const [name, b] of Object.entries(builders)) {
          const own = b.scope !== "global" && name !== "departure";
          expect(covered(b.build(mine, args)), name).toBe(own);
          const same = other.platform === mine.platform && other.workspace === mine.workspace;
          if (b.scope !== "global" && !same) expect(covered(b.build(other, args)), name).toBe(false);
        }
      }),
    );
  });

  it("prefixes everything, so deployments can share a Redis, and refuses a prefix that would become the hash tag", () => {
    const other = createKeys("staging");
    expect(other.nudgesDue()).toBe("staging:nudges-due");
    expect(other.history({ platform: "teams", workspace: "x", channel: "y" }).startsWith("staging:{")).toBe(true);
    expect(() => createKeys("a{b}")).toThrow(/brace/);
    expect(() => createKeys("")).toThrow();
  });
});

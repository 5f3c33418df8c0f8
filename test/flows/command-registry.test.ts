import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Command } from "../../flows/commands/command.js";
import { COMMANDS, findCommand, helpLines } from "../../flows/commands/registry.js";
import {
  SLACK_MANIFEST,
  slackUsageHint,
  TEAMS_MANIFEST,
  teamsCommandLists,
} from "../../scripts/command-manifests/derive.js";
import { command } from "../../src/chat/command-words.js";

/** One file per command under flows/commands/, one list of them, and everything else derived from that list. */
const folder = join(import.meta.dirname, "..", "..", "flows", "commands");
/** The folder's files that are not commands: the shape of one, the permission check and the list itself. */
const MACHINERY = ["command.ts", "permission.ts", "registry.ts"];

describe("the command registry", () => {
  it("lists every command file of flows/commands/, each exporting one command named after its file", async () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".ts") && !MACHINERY.includes(f));
    const exported = await Promise.all(
      files.map(async (f) =>
        Object.values(await import(join(folder, f))).filter((v): v is Command => COMMANDS.some((c) => c === v)),
      ),
    );
    expect(exported.map((commands) => commands.length)).toEqual(files.map(() => 1));
    // help lives in registry.ts, beside the list it prints.
    expect(COMMANDS.length).toBe(files.length + 1);
    expect(exported.flat().map((c) => `${c.name}.ts`)).toEqual(files);
  });

  it("gives every word to one command, and finds it whatever its case", () => {
    const words = COMMANDS.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(words).size).toBe(words.length);
    for (const c of COMMANDS) {
      for (const word of [c.name, ...c.aliases]) {
        expect(findCommand(` ${word.toUpperCase()}  x `)).toMatchObject({ command: c, args: ["x"], known: true });
      }
    }
    expect(findCommand("")).toMatchObject({ command: { name: "start" }, known: true });
    expect(findCommand("frobnicate now")).toMatchObject({ command: { name: "help" }, known: false });
  });

  it("writes one help line per command, naming it as a command token", () => {
    const lines = helpLines();
    expect(lines).toHaveLength(COMMANDS.length);
    COMMANDS.forEach((c, i) => {
      expect(lines[i]?.startsWith(`${command(c.usage)}: `)).toBe(true);
    });
  });

  it("suggests only examples that reach their own command", () => {
    for (const c of COMMANDS.filter((c) => c.suggestion)) {
      expect(findCommand(c.suggestion?.example ?? "").command, c.name).toBe(c);
    }
  });
});

describe("the manifests follow the registry (npm run manifests writes them)", () => {
  it("Slack: the usage hint", () => {
    const manifest = JSON.parse(readFileSync(SLACK_MANIFEST, "utf8"));
    expect(manifest.features.slash_commands[0].usage_hint).toBe(slackUsageHint());
    expect(slackUsageHint().length).toBeLessThanOrEqual(1000);
  });

  it("Teams: the command lists, at most ten a scope", () => {
    const manifest = JSON.parse(readFileSync(TEAMS_MANIFEST, "utf8"));
    expect(manifest.bots[0].commandLists).toEqual(teamsCommandLists());
    for (const list of teamsCommandLists()) expect(list.commands.length).toBeLessThanOrEqual(10);
  });
});

import { describe, expect, it } from "vitest";
import { violationsOf } from "./layers.js";
import { readSource } from "./production-files.js";

/**
 * Violations planted into real files (their text plus one line): each must fail the layer rules. The first five are
 * the holes the old regex test had; each of them passed it.
 */
const plants: { file: string; line: string; expected: string }[] = [
  {
    file: "src/engine/score.ts",
    line: 'import "../../adapters/slack/slack-adapter.js";',
    expected: "../../adapters/slack/slack-adapter.js",
  },
  { file: "src/engine/score.ts", line: 'export const fs = await import("node:fs");', expected: "node:fs" },
  { file: "flows/bot.ts", line: 'export const bolt = await import("@slack/bolt");', expected: "@slack/bolt" },
  {
    file: "adapters/slack/deliver.ts",
    line: 'import { createTeamsAdapter } from "../teams/teams-adapter.js";',
    expected: "../teams/teams-adapter.js",
  },
  {
    file: "flows/bot.ts",
    line: 'import { createSlackAdapter } from "../adapters/slack/slack-adapter.js";',
    expected: "../adapters/slack/slack-adapter.js",
  },
  // The other import forms, the rest of the core, and the engine's purity.
  { file: "src/engine/score.ts", line: 'const fs = require("node:fs");', expected: "node:fs" },
  { file: "src/store/keys.ts", line: 'export * from "../../flows/context.js";', expected: "../../flows/context.js" },
  {
    file: "src/chart/png.ts",
    line: 'export type { Env } from "../../app/config.js";',
    expected: "../../app/config.js",
  },
  { file: "src/schedule/cron.ts", line: 'import "ioredis";', expected: "ioredis" },
  { file: "src/model-file.ts", line: 'import { createBot } from "../flows/bot.js";', expected: "../flows/bot.js" },
  { file: "adapters/teams/parse.ts", line: 'import type { App } from "@slack/bolt";', expected: "@slack/bolt" },
  {
    file: "adapters/slack/parse.ts",
    line: 'import { runCommand } from "../../flows/bot.js";',
    expected: "../../flows/bot.js",
  },
  { file: "flows/bot.ts", line: "const name = 'ioredis'; await import(name);", expected: "<computed module name>" },
  { file: "src/engine/score.ts", line: "export const at = Date.now();", expected: "Date.now" },
  { file: "src/engine/score.ts", line: "export const at = new Date();", expected: "new Date()" },
  { file: "src/engine/score.ts", line: "export const pick = Math.random() < 0.5;", expected: "Math.random" },
  { file: "src/engine/score.ts", line: "export const debug = process.env.DEBUG;", expected: "process" },
];

describe("planted layer violations", () => {
  for (const { file, line, expected } of plants) {
    it(`fails ${file} with: ${line}`, () => {
      const source = readSource(file);
      expect(violationsOf(file, source)).toEqual([]);
      expect(violationsOf(file, `${source}\n${line}\n`)).toEqual([`${file} -> ${expected}`]);
    });
  }

  it("fails a file in a folder no layer owns", () => {
    expect(violationsOf("src/reports/weekly.ts", "export const x = 1;\n")).toEqual([
      "src/reports/weekly.ts -> belongs to no layer: add it to test/architecture/layers.ts",
    ]);
  });
});

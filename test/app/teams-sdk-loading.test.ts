import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

/**
 * The app, made in a process of its own with this environment, says which of the Teams SDK's packages it loaded.
 * A child process, because this one's module cache holds whatever other test files loaded.
 */
async function teamsPackagesLoaded(env: Record<string, string>): Promise<string[]> {
  const script = `
    import { createRequire } from "node:module";
    import { createApp } from "./app/create-app.ts";
    import { readConfig } from "./app/config.ts";
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const app = await createApp({ config: readConfig(process.env), logger, cron: false });
    const loaded = Object.keys(createRequire(import.meta.url).cache)
      .map((path) => /node_modules\\/(botbuilder|botframework-connector)\\//.exec(path)?.[1])
      .filter(Boolean);
    await app.close();
    console.log(JSON.stringify([...new Set(loaded)].sort()));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { cwd: root, env: { PATH: process.env.PATH ?? "", ...env } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null") as string[];
}

const slack = { SLACK_SIGNING_SECRET: "slack-signing-secret-0123", SLACK_BOT_TOKEN: "xoxb-test" };

describe("the Teams SDK in a replica's memory", () => {
  // botbuilder is about 18 MB of live heap that every full garbage collection marks again: a Slack-only replica
  // must not carry it (measured: 46.8 MB live with it, 26.3 MB without).
  it("is not loaded when Teams is off", async () => {
    expect(await teamsPackagesLoaded(slack)).toEqual([]);
  }, 30_000);

  it("is loaded when Teams is on", async () => {
    expect(await teamsPackagesLoaded({ ...slack, TEAMS_ENABLED: "true" })).toEqual([
      "botbuilder",
      "botframework-connector",
    ]);
  }, 30_000);
});

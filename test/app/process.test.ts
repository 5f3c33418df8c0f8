import { spawn } from "node:child_process";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../app/logger.js";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

function start(env: Record<string, string>) {
  const child = spawn(tsx, ["app/main.ts"], { cwd: root, env: { ...process.env, REDIS_URL: "", ...env } });
  let out = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe("npm start as a process", () => {
  it("exits non-zero listing every bad variable", async () => {
    const app = start({ PORT: "nope", SLACK_BOT_TOKEN: "xoxb-1" });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain("PORT:");
    expect(app.output()).toContain("SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set");
  });

  it("serves, then stops cleanly on SIGTERM within 10 s", async () => {
    const app = start({ PORT: "3957" });
    for (let i = 0; i < 100 && !app.output().includes("listening"); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await fetch("http://127.0.0.1:3957/healthz")).status).toBe(200);
    const stopped = Date.now();
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(10_000);
  });

  it("starts in multi-workspace mode under plain Node's module loader and sends a browser to Slack to install", async () => {
    const app = start({
      PORT: "3958",
      SLACK_SIGNING_SECRET: "0123456789abcdef",
      SLACK_CLIENT_ID: "1111111111.2222222222",
      SLACK_CLIENT_SECRET: "0123456789abcdef0123",
      SLACK_STATE_SECRET: "0123456789abcdef",
      SLACK_INSTALLATION_KEY: "ab".repeat(32),
      // Nothing listens there: readiness says "not verified" at once instead of waiting on the real Slack.
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    for (let i = 0; i < 100 && !app.output().includes("listening"); i++) await new Promise((r) => setTimeout(r, 100));
    const install = await fetch("http://127.0.0.1:3958/slack/install", { redirect: "manual" });
    expect(install.status).toBe(302);
    expect(install.headers.get("location")).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?/);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  });
});

describe("logs", () => {
  it("never contain tokens, secrets or signatures", () => {
    let written = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ stream: sink });
    logger.info({ config: { slack: { botToken: "xoxb-secret-token", signingSecret: "s3cr3t" } } }, "config");
    logger.info(
      { req: { headers: { authorization: "Bearer abc.def", "x-slack-signature": "v0=deadbeef" } } },
      "request",
    );
    logger.info({ client: { token: "xoxb-2", password: "pw" } }, "client");
    expect(written).not.toMatch(/xoxb-|s3cr3t|Bearer abc|v0=deadbeef|"pw"/);
    expect(written).toContain("[redacted]");
  });
});

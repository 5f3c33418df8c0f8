#!/usr/bin/env node
// CI: the production install runs the app with plain node. Mirrors the Dockerfile's two stages: dist/ is compiled
// with the full install (`npm run build` needs TypeScript), then a scratch directory gets only package.json,
// package-lock.json and dist/, `npm ci --omit=dev`, and `npm start`. No TypeScript, no tsx, no loader there.
// It then asks the app for a real turn (a Teams `help` with expectReplies, answered in the HTTP body) and stops it
// with SIGTERM. Exits non-zero, saying why, on any failure.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./free-port.mjs";

const root = join(import.meta.dirname, "..");
// (@types/node is not listed: @slack/bolt depends on it in production.)
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const KEY_PREFIX = `production-start-${process.pid}`;
const DEV_ONLY = ["typescript", "tsx", "esbuild", "vitest", "@biomejs/biome"];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const scratch = mkdtempSync(join(tmpdir(), "mlops-assess-production-"));
let app;
try {
  run("npm", ["run", "build"], root);
  for (const item of ["package.json", "package-lock.json", "dist"]) {
    cpSync(join(root, item), join(scratch, item), { recursive: true });
  }
  run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], scratch);
  const present = DEV_ONLY.filter((name) => existsSync(join(scratch, "node_modules", name)));
  if (present.length > 0) throw new Error(`development packages in the production install: ${present.join(", ")}`);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = "";
  app = spawn("npm", ["start"], {
    cwd: scratch,
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      REDIS_URL,
      KEY_PREFIX,
      TEAMS_ENABLED: "true",
    },
  });
  for (const stream of [app.stdout, app.stderr]) stream.on("data", (chunk) => (output += chunk.toString()));
  const exited = new Promise((resolve) => app.once("exit", (code, signal) => resolve(code ?? signal)));
  try {
    await until("/readyz", async () => (await fetch(`${origin}/readyz`)).ok, 20_000);
  } catch (error) {
    throw new Error(`${error.message}; the app said:\n${output}`);
  }

  const turn = await fetch(`${origin}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: "production-start-1",
      channelId: "msteams",
      serviceUrl: "http://127.0.0.1:1/",
      deliveryMode: "expectReplies",
      from: { id: "29:production-start", name: "CI" },
      recipient: { id: "28:production-start-bot", name: "MLOps Assess" },
      conversation: { id: "a:production-start", conversationType: "personal", tenantId: "ci-tenant" },
      channelData: { tenant: { id: "ci-tenant" } },
      text: "help",
    }),
  });
  const body = await turn.text();
  if (turn.status !== 200 || !body.includes("assess")) {
    throw new Error(`a Teams "help" turn answered ${turn.status}: ${body.slice(0, 500)}\n${output}`);
  }

  const stopping = Date.now();
  // npm passes the signal on to the app and exits with its code, as an orchestrator stopping `npm start` sees it.
  app.kill("SIGTERM");
  const code = await exited;
  if (code !== 0) throw new Error(`npm start exited with ${code} on SIGTERM:\n${output}`);
  const stillServing = await fetch(`${origin}/healthz`).then(
    () => true,
    () => false,
  );
  if (stillServing) throw new Error("npm start exited but the app still serves: the signal did not reach it");
  console.log(
    `production start: npm ci --omit=dev (no ${DEV_ONLY.join(", ")}), npm start served /readyz and a Teams turn, ` +
      `stopped in ${Date.now() - stopping} ms`,
  );
  app = undefined;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (app && app.exitCode === null) process.kill(-app.pid, "SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
  await deleteKeys();
}

async function deleteKeys() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${KEY_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

#!/usr/bin/env node
// Runs a command (the test runner) with a reachable Redis in REDIS_URL.
// Order: REDIS_URL as given (default redis://127.0.0.1:6379); else a private redis-server on a free port;
// else fail loudly with how to install it. Tests never skip because Redis is missing.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.mjs";

const wanted = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function ping(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

async function startPrivateRedis() {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  if (which.status !== 0) {
    console.error(
      `No Redis answers at ${wanted} and no redis-server binary is installed.\n` +
        "Install it (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) " +
        "or point REDIS_URL at a running Redis. The tests need a real Redis and never skip.",
    );
    process.exit(1);
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "mlops-assess-redis-"));
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--dir", dir], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await ping(url)) {
      const stop = () => {
        child.kill();
        rmSync(dir, { recursive: true, force: true });
      };
      return { url, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  console.error(`Started redis-server on port ${port} but it never answered PING.`);
  process.exit(1);
}

const [command, ...args] = process.argv.slice(2);
let redis = { url: wanted, stop: () => {} };
if (!(await ping(wanted))) {
  redis = await startPrivateRedis();
  console.log(`Using a private redis-server at ${redis.url}`);
}
const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, REDIS_URL: redis.url }, shell: false });
child.on("exit", (code, signal) => {
  redis.stop();
  process.exit(code ?? (signal ? 1 : 0));
});

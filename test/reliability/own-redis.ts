import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

/**
 * A redis-server of the test's own, to crash and restart: the shared one on 6379 is never touched. Persistence is
 * what docker-compose.yml gives production (appendonly yes, appendfsync everysec), in a temp dir, so a restart
 * brings back what was written before the crash.
 */
export interface OwnRedis {
  url: string;
  /** SIGKILL, as a crash or an OOM kill would: no clean shutdown, no final save. */
  crash(): Promise<void>;
  /** Start again on the same port and data dir; resolves once it answers PING (AOF loaded). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function untilPong(url: string): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    for (let i = 0; i < 100; i++) {
      const pong = await probe
        .connect()
        .then(() => probe.ping())
        .catch(() => undefined);
      if (pong === "PONG") return;
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server at ${url} did not answer PING`);
  } finally {
    probe.disconnect();
  }
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "mlops-assess-reliability-"));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    const started = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", ""].concat([
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
      ]),
      { stdio: "ignore" },
    );
    child = started;
    const failed = new Promise<never>((_, reject) => {
      started.once("error", (error) => reject(new Error(`redis-server could not start: ${error.message}`)));
      started.once("exit", (code) => reject(new Error(`redis-server exited with ${code} before answering`)));
    });
    failed.catch(() => {});
    await Promise.race([untilPong(url), failed]);
  }

  async function kill(signal: NodeJS.Signals): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill(signal);
    });
  }

  await launch();
  return {
    url,
    crash: () => kill("SIGKILL"),
    restart: launch,
    async stop() {
      await kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

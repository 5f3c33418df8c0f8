import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { tracked } from "./children.js";
import { type CpuLimit, createCpuLimit } from "./cpu-limit.js";
import { BENCH_METRICS_TOKEN, BENCH_SECRET } from "./signed.js";

const root = join(import.meta.dirname, "..");

/**
 * Node flags for the replicas, e.g. BENCH_REPLICA_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" for a CPU
 * profile of each replica (written when it stops).
 */
const nodeArgs = (process.env.BENCH_REPLICA_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

/** The environment a bench replica runs with: Slack at the fake Web API, signed with the bench's secret. */
export function replicaEnv(env: {
  redisUrl: string;
  slackApiUrl: string;
  keyPrefix: string;
  port: number;
  logLevel: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(env.port),
    LOG_LEVEL: env.logLevel,
    REDIS_URL: env.redisUrl,
    KEY_PREFIX: env.keyPrefix,
    SLACK_SIGNING_SECRET: BENCH_SECRET,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_API_URL: env.slackApiUrl,
    SLACK_BOT_ID: "BBENCH",
    SLACK_BOT_USER_ID: "UBENCHBOT",
    METRICS_TOKEN: BENCH_METRICS_TOKEN,
  };
}

/**
 * Start `count` app replicas as separate processes (as in production), sharing one Redis. With `cpuLimit`, each
 * replica is held to that many cores (bench/cpu-limit.ts); rejects when this machine cannot set such a limit.
 */
export async function startReplicas(
  count: number,
  env: {
    redisUrl: string;
    slackApiUrl: string;
    keyPrefix: string;
    firstPort: number;
    cpuLimit?: number;
    /** More configuration for the app (chart links). */
    extra?: Record<string, string>;
  },
): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  const limits: CpuLimit[] = [];
  for (let i = 0; i < count; i++) {
    const port = env.firstPort + i;
    let command = { command: join(root, "node_modules", ".bin", "tsx"), args: [...nodeArgs, "app/main.ts"] };
    if (env.cpuLimit !== undefined) {
      const limit = createCpuLimit(`mlops-assess-bench-${port}`, env.cpuLimit);
      if (!limit) throw new Error("a CPU limit needs root and a cgroup file system with the cpu controller");
      limits.push(limit);
      command = limit.wrap(command.command, command.args);
    }
    children.push(
      tracked(
        spawn(command.command, command.args, {
          cwd: root,
          // Their logs (pino, on stdout) only when asked for: BENCH_LOG_LEVEL=warn shows what went wrong in a run.
          stdio: ["ignore", process.env.BENCH_LOG_LEVEL ? "inherit" : "ignore", "inherit"],
          env: { ...replicaEnv({ ...env, port, logLevel: process.env.BENCH_LOG_LEVEL ?? "error" }), ...env.extra },
        }),
      ),
    );
    urls.push(`http://127.0.0.1:${port}`);
  }
  for (const url of urls) {
    for (let tries = 0; ; tries++) {
      const ok = await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (tries > 100) throw new Error(`replica at ${url} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    urls,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
            }),
        ),
      );
      for (const limit of limits) limit.remove();
    },
  };
}

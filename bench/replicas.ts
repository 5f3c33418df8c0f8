import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { BENCH_SECRET } from "./signed.js";

const root = join(import.meta.dirname, "..");

/**
 * Node flags for the replicas, e.g. BENCH_REPLICA_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" for a CPU
 * profile of each replica (written when it stops).
 */
const nodeArgs = (process.env.BENCH_REPLICA_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

/** Start `count` app replicas as separate processes (as in production), sharing one Redis. */
export async function startReplicas(
  count: number,
  env: { redisUrl: string; slackApiUrl: string; keyPrefix: string; firstPort: number },
): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = env.firstPort + i;
    children.push(
      spawn(join(root, "node_modules", ".bin", "tsx"), [...nodeArgs, "src/app/main.ts"], {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          PORT: String(port),
          LOG_LEVEL: "error",
          REDIS_URL: env.redisUrl,
          KEY_PREFIX: env.keyPrefix,
          SLACK_SIGNING_SECRET: BENCH_SECRET,
          SLACK_BOT_TOKEN: "xoxb-bench",
          SLACK_API_URL: env.slackApiUrl,
          SLACK_BOT_ID: "BBENCH",
          SLACK_BOT_USER_ID: "UBENCHBOT",
        },
      }),
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
    },
  };
}

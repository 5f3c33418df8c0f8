/**
 * Start-up time and the cold burst: the app is started as a process, and the moment it logs "listening" 1,000
 * signed slash commands arrive at once (a replica joining a balancer under load). Compares how the app is started:
 * `tsx app/main.ts` (a TypeScript loader, what `npm start` used to run) and `node .` (the
 * compiled JavaScript `npm start` runs now), alternating so both see the same machine.
 *
 * `npm run build && npx tsx bench/cold-start.ts` prints just these rows; `npm run bench` includes them.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { burst, startFakeSlackProcess, summarise } from "./ack.js";
import { tracked } from "./children.js";
import { replicaEnv } from "./replicas.js";
import { ms, percentile, type Row } from "./stats.js";

const root = join(import.meta.dirname, "..");

export interface Launcher {
  name: string;
  command: string;
  args: string[];
}

export const LAUNCHERS: Launcher[] = [
  { name: "tsx app/main.ts", command: join(root, "node_modules", ".bin", "tsx"), args: ["app/main.ts"] },
  { name: "node . (compiled dist/)", command: process.execPath, args: ["."] },
];

export interface ColdRun {
  /** From spawning the process to its "listening" log line. */
  startMs: number;
  /** The slowest of the burst's acks. */
  slowestAckMs: number;
  non200: number;
}

/** One cold start of `launcher` on `port`, hit by `count` slash commands the moment it listens. */
export async function coldBurst(
  launcher: Launcher,
  env: { redisUrl: string; slackApiUrl: string; keyPrefix: string; port: number },
  count = 1000,
): Promise<ColdRun> {
  const started = process.hrtime.bigint();
  const child = tracked(
    spawn(launcher.command, launcher.args, {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      // "info": the "listening" line is what the burst waits for.
      env: replicaEnv({ ...env, logLevel: "info" }),
    }),
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      let seen = "";
      child.stdout.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('"msg":"listening"')) resolve();
      });
      child.once("exit", (code) => reject(new Error(`${launcher.name} exited (${code}) before listening`)));
    });
    const startMs = Number(process.hrtime.bigint() - started) / 1e6;
    const samples = await burst(`http://127.0.0.1:${env.port}/slack/events`, count, "UCOLD");
    const stats = summarise(samples);
    return { startMs, slowestAckMs: stats.max, non200: stats.non200 };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** `rounds` cold starts of each launcher, alternating; medians of start-up and of the slowest ack. */
export async function compareLaunchers(
  env: { redisUrl: string; slackApiUrl: string; keyPrefix: string; port: number },
  rounds: number,
): Promise<Row[]> {
  const runs = new Map<string, ColdRun[]>(LAUNCHERS.map((l) => [l.name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const launcher of LAUNCHERS) runs.get(launcher.name)?.push(await coldBurst(launcher, env));
  }
  const [before, after] = LAUNCHERS.map((l) => runs.get(l.name) ?? []);
  const median = (list: ColdRun[] | undefined, pick: (r: ColdRun) => number) => percentile((list ?? []).map(pick), 50);
  const row = (measure: string, pick: (r: ColdRun) => number, goal: string): Row => {
    const ours = median(after, pick);
    const reference = median(before, pick);
    return { measure, ours: ms(ours), reference: ms(reference), ratio: (ours / reference).toFixed(2), goal };
  };
  return [
    row(`start-up to listening, node dist vs tsx (median of ${rounds})`, (r) => r.startMs, ""),
    row(`slowest ack, 1,000 commands as it listens (median of ${rounds})`, (r) => r.slowestAckMs, "< 3000 ms"),
    {
      measure: "non-200 answers in the cold bursts (node dist / tsx)",
      ours: String((after ?? []).reduce((n, r) => n + r.non200, 0)),
      reference: String((before ?? []).reduce((n, r) => n + r.non200, 0)),
      ratio: "",
      goal: "0",
    },
  ];
}

if (process.argv[1] === import.meta.filename) {
  const { printTable } = await import("./stats.js");
  const { deleteKeysUnder } = await import("./cleanup.js");
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const keyPrefix = `bench-cold-${Date.now()}`;
  const api = await startFakeSlackProcess();
  const rows = await compareLaunchers(
    { redisUrl, slackApiUrl: api.apiUrl, keyPrefix, port: 4790 },
    Number(process.env.COLD_ROUNDS ?? 5),
  );
  api.close();
  await deleteKeysUnder(redisUrl, keyPrefix);
  printTable(rows);
  process.exit(0);
}

import { spawn } from "node:child_process";
import { join } from "node:path";
import { tracked } from "./children.js";
import { commandBody, postSigned } from "./signed.js";
import { percentile } from "./stats.js";

const root = join(import.meta.dirname, "..");

/**
 * A bare Bolt app acking the same requests, in its own process: the reference our ack latency is measured against.
 * With `redis`, it makes one Redis write before each ack.
 */
export async function startBareBolt(
  port: number,
  redis?: { url: string; keyPrefix: string },
): Promise<{ url: string; close: () => Promise<void> }> {
  const child = tracked(
    spawn(join(root, "node_modules", ".bin", "tsx"), ["bench/bare-bolt.ts"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        ...(redis ? { BARE_REDIS_URL: redis.url, BARE_KEY_PREFIX: redis.keyPrefix } : {}),
      },
    }),
  );
  const url = `http://127.0.0.1:${port}/slack/events`;
  for (let tries = 0; ; tries++) {
    const up = await fetch(url, { method: "POST" }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (tries > 100) throw new Error("bare Bolt did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The fake Slack Web API in its own process; resolves with its base URL once it listens. */
export async function startFakeSlackProcess(): Promise<{ apiUrl: string; close: () => void }> {
  const child = tracked(
    spawn(join(root, "node_modules", ".bin", "tsx"), ["bench/fake-slack-process.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const apiUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`fake Slack API exited (${code})`)));
  });
  return { apiUrl, close: () => child.kill("SIGTERM") };
}

export interface AckStats {
  p50: number;
  p99: number;
  max: number;
  non200: number;
}

export interface Sample {
  status: number;
  ms: number;
}

export function summarise(samples: readonly Sample[]): AckStats {
  const times = samples.map((s) => s.ms);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    non200: samples.filter((s) => s.status !== 200).length,
  };
}

/** `rate` signed requests per second for `seconds`: slash commands `status` by 50 people, or the bodies given. */
export async function atRate(
  url: string,
  rate: number,
  seconds: number,
  userPrefix: string,
  bodyOf: (i: number) => string = (i) => commandBody(`${userPrefix}${i % 50}`, "status"),
): Promise<Sample[]> {
  const pending: Promise<Sample>[] = [];
  const total = rate * seconds;
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(postSigned(url, bodyOf(i)));
  }
  return Promise.all(pending);
}

/** `count` signed slash commands all at once. */
export function burst(url: string, count: number, userPrefix: string): Promise<Sample[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => postSigned(url, commandBody(`${userPrefix}${i}`, "status"))),
  );
}

/**
 * The same load against the bare app and ours, alternating `rounds` times with the samples pooled: whatever else
 * the machine does in the meantime falls on both alike, and a p99 over thousands of samples is not one unlucky
 * stall. `measureOurs` wraps each of our rounds (to read our CPU over them).
 */
export async function sideBySide(
  load: (url: string) => Promise<Sample[]>,
  urls: { bare: string; ours: string },
  rounds: number,
  measureOurs: (run: () => Promise<Sample[]>) => Promise<Sample[]> = (run) => run(),
): Promise<{ bare: AckStats; ours: AckStats }> {
  const bare: Sample[] = [];
  const ours: Sample[] = [];
  for (let i = 0; i < rounds; i++) {
    bare.push(...(await load(urls.bare)));
    ours.push(...(await measureOurs(() => load(urls.ours))));
  }
  return { bare: summarise(bare), ours: summarise(ours) };
}

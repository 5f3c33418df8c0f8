import type { Redis } from "ioredis";
import { BENCH_METRICS_TOKEN } from "./signed.js";

/**
 * CPU seconds the replicas have used so far, from their own /metrics (prom-client's process_cpu_seconds_total).
 * Throughput on a shared two-core machine moves with whatever else runs; CPU per request in our process is what
 * our code decides, so it is the figure to compare changes by.
 */
export async function replicaCpuSeconds(urls: readonly string[]): Promise<number> {
  const readings = await Promise.all(
    urls.map(async (url) => {
      const headers = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };
      const text = await (await fetch(`${url}/metrics`, { headers })).text();
      const value = Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1]);
      if (!Number.isFinite(value)) throw new Error(`no process_cpu_seconds_total from ${url}/metrics`);
      return value;
    }),
  );
  return readings.reduce((a, b) => a + b, 0);
}

/**
 * The replicas' CPU seconds once they have gone quiet (under 10% of a core for 300 ms, or after 10 s): work a
 * request causes after its ack, such as replies still being sent, counts towards it.
 */
export async function settledCpuSeconds(urls: readonly string[]): Promise<number> {
  const deadline = Date.now() + 10_000;
  let last = await replicaCpuSeconds(urls);
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await replicaCpuSeconds(urls);
    if (now - last < 0.03 * urls.length || Date.now() > deadline) return now;
    last = now;
  }
}

/** CPU seconds the Redis server has used so far (INFO cpu: user + system, all its threads). */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`^${name}:(\\S+)`, "m").exec(info)?.[1]);
  const total = field("used_cpu_user") + field("used_cpu_sys");
  if (!Number.isFinite(total)) throw new Error("no used_cpu_user/used_cpu_sys in Redis INFO cpu");
  return total;
}

/** Commands the Redis server has processed so far (INFO stats): per answer, what the whole path costs Redis. */
export async function redisCommands(redis: Redis): Promise<number> {
  const info = await redis.info("stats");
  const total = Number(/^total_commands_processed:(\d+)/m.exec(info)?.[1]);
  if (!Number.isFinite(total)) throw new Error("no total_commands_processed in Redis INFO stats");
  return total;
}

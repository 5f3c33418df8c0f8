import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

/** The Redis the test command found or started (scripts/with-redis.mjs); tests fail, never skip, without it. */
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export function uniquePrefix(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

/** Delete every key under a test's prefix. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}

export async function connectRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  await redis.ping();
  return redis;
}

import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";

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

/**
 * Per-file Redis scope: an admin connection, extra clients to close, and every key under the given prefixes
 * deleted after the file's tests.
 */
export function redisTestScope(...prefixes: string[]) {
  const scope = { admin: undefined as unknown as Redis, clients: [] as Redis[] };
  beforeAll(async () => {
    scope.admin = await connectRedis();
  });
  afterAll(async () => {
    for (const prefix of prefixes) await deleteKeys(scope.admin, prefix);
    await Promise.all(scope.clients.map((c) => c.quit()));
    await scope.admin.quit();
  });
  return scope;
}

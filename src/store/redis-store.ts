import { createHash, randomUUID } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import type { z } from "zod";
import { type Store, StoreDataError, StoreUnavailableError } from "./store.js";

/**
 * Compare-and-set on content: write ARGV[2] only if the current value's SHA-1 is still ARGV[1] (the one the
 * caller read; "" for absent). No version envelope is stored, so values stay plain JSON.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
local seen = current and redis.sha1hex(current) or ''
if seen ~= ARGV[1] then return 0 end
if ARGV[3] == '' then redis.call('SET', KEYS[1], ARGV[2]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1`;

const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Claim due members and push them one lease into the future, atomically. */
const CLAIM_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[3], member) end
return due`;

const MAX_CAS_ATTEMPTS = 50;

interface ScriptedRedis {
  compareAndSet(key: string, seen: string, value: string, ttl: string): Promise<number>;
  releaseLock(key: string, token: string): Promise<number>;
  claimDue(key: string, now: string, limit: string, leaseUntil: string): Promise<string[]>;
}

/** Errors that mean "Redis is not there right now" rather than a bug. */
function unavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /Connection is closed|Stream isn't writeable|enableOfflineQueue|MaxRetriesPerRequest|Command timed out|ECONNREFUSED|ETIMEDOUT|ECONNRESET|connect/i.test(
    `${error.name} ${error.message}`,
  );
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (unavailable(error)) throw new StoreUnavailableError(error);
    throw error;
  }
}

function decode<T>(key: string, raw: string | null | undefined, schema: z.ZodType<T>): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new StoreDataError(key, "not JSON");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new StoreDataError(key, parsed.error.message);
  return parsed.data;
}

/** The production Store: ioredis against Redis, Sentinel or Cluster (keys of one team share a slot). */
export function createRedisStore(redis: Redis | Cluster): Store {
  redis.defineCommand("compareAndSet", { numberOfKeys: 1, lua: COMPARE_AND_SET });
  redis.defineCommand("releaseLock", { numberOfKeys: 1, lua: RELEASE_LOCK });
  redis.defineCommand("claimDue", { numberOfKeys: 1, lua: CLAIM_DUE });
  const scripted = redis as unknown as ScriptedRedis;
  // Must match Lua's redis.sha1hex over the same UTF-8 bytes.
  const sha1 = (text: string | null) => (text === null ? "" : createHash("sha1").update(text, "utf8").digest("hex"));

  return {
    get: (key, schema) => guard(async () => decode(key, await redis.get(key), schema)),
    getMany: (keys, schema) =>
      guard(async () => {
        if (keys.length === 0) return [];
        const raws = await redis.mget(...keys);
        return raws.map((raw, i) => decode(keys[i] ?? "", raw, schema));
      }),
    set: (key, value, ttlMs) =>
      guard(async () => {
        const json = JSON.stringify(value);
        await (ttlMs === undefined ? redis.set(key, json) : redis.set(key, json, "PX", ttlMs));
      }),
    setIfAbsent: (key, value, ttlMs) =>
      guard(async () => (await redis.set(key, JSON.stringify(value), "PX", ttlMs, "NX")) === "OK"),
    delete: (...keys) =>
      guard(async () => {
        // One DEL per key: keys of different teams may live in different Cluster slots.
        await Promise.all(keys.map((key) => redis.del(key)));
      }),
    update: (key, schema, change, ttlMs) =>
      guard(async () => {
        for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
          const raw = await redis.get(key);
          const next = change(decode(key, raw, schema));
          if (next === undefined) return { value: decode(key, raw, schema), changed: false };
          const json = JSON.stringify(next);
          if ((await scripted.compareAndSet(key, sha1(raw), json, ttlMs === undefined ? "" : String(ttlMs))) === 1) {
            return { value: decode(key, json, schema), changed: true };
          }
          // Lost the race: back off a little (jittered) and re-read.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));
        }
        throw new Error(`update of ${key} kept conflicting after ${MAX_CAS_ATTEMPTS} attempts`);
      }),
    acquireLock: (key, ttlMs) =>
      guard(async () => {
        const token = randomUUID();
        return (await redis.set(key, JSON.stringify(token), "PX", ttlMs, "NX")) === "OK" ? token : null;
      }),
    releaseLock: (key, token) => guard(async () => (await scripted.releaseLock(key, JSON.stringify(token))) === 1),
    addToSet: (key, members, ttlMs) =>
      guard(async () => {
        if (members.length === 0) return;
        const batch = redis.multi().sadd(key, ...members);
        if (ttlMs !== undefined) batch.pexpire(key, ttlMs);
        await batch.exec();
      }),
    removeFromSet: (key, members) =>
      guard(async () => {
        if (members.length > 0) await redis.srem(key, ...members);
      }),
    setMembers: (key) => guard(() => redis.smembers(key)),
    schedule: (key, member, dueAtMs) =>
      guard(async () => {
        await redis.zadd(key, dueAtMs, member);
      }),
    unschedule: (key, member) =>
      guard(async () => {
        await redis.zrem(key, member);
      }),
    dueAt: (key, member) =>
      guard(async () => {
        const score = await redis.zscore(key, member);
        return score === null ? undefined : Number(score);
      }),
    claimDue: (key, nowMs, limit, leaseMs) =>
      guard(() => scripted.claimDue(key, String(nowMs), String(limit), String(nowMs + leaseMs))),
    async ping() {
      try {
        return (await redis.ping()) === "PONG";
      } catch {
        return false;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

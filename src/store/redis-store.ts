import { createHash, randomUUID } from "node:crypto";
import { Cluster, type Redis } from "ioredis";
import { z } from "zod";
import { createRecentValues } from "./recent-values.js";
import {
  type Store,
  StoreConflictError,
  StoreDataError,
  StoreUnavailableError,
  type UpdateAt,
  unguarded,
} from "./store.js";
import { checkTtl, encode } from "./value-checks.js";

/**
 * Compare-and-set on content: write ARGV[n+1] (with TTL ARGV[n+2], "" for none) to KEYS[1] only if the SHA-1 of
 * each of the n keys is still ARGV[i], the one the caller saw ("" for absent). KEYS[2], when given, is a guard the
 * caller checked (an answer's round). No version envelope is stored, so values stay plain JSON.
 */
const COMPARE_AND_SET = `
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if (current and redis.sha1hex(current) or '') ~= ARGV[i] then return 0 end
end
local value, ttl = ARGV[#KEYS + 1], ARGV[#KEYS + 2]
if ttl == '' then redis.call('SET', KEYS[1], value) else redis.call('SET', KEYS[1], value, 'PX', ttl) end
return 1`;

const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Claim due members and push them one lease into the future, atomically. */
const CLAIM_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[3], member) end
return due`;

/** Enough for dozens of simultaneous writers on one key; past that, something is wrong and should surface. */
const MAX_CAS_ATTEMPTS = 50;
/**
 * Keys whose last value this process remembers (recent-values.ts): people answering right now and their rounds.
 * A few hundred bytes each, so the bound keeps it under a few MB.
 */
const RECENT_KEYS = 2000;

interface ScriptedRedis {
  /** (number of keys, ...keys, ...their digests, value, ttl) */
  compareAndSet(...args: string[]): Promise<number>;
  releaseLock(key: string, token: string): Promise<number>;
  claimDue(key: string, now: string, limit: string, leaseUntil: string): Promise<string[]>;
}

/**
 * Redis replies that mean "not available right now" (loading, failover, cluster resharding) or "cannot take a
 * write right now" (out of memory under noeviction, a failed background save, too few replicas). Any other reply
 * error (WRONGTYPE, syntax) is a bug and must not be disguised as an outage.
 */
const TRANSIENT_REPLY = /^(LOADING|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY|BUSY|OOM|MISCONF|NOREPLICAS)\b/;

/** A connected but stalled Redis (failover, a slow script) answers nothing: a command gives up after this long. */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * The request, or "Command timed out" once Redis has not answered for COMMAND_TIMEOUT_MS. Not ioredis'
 * `commandTimeout`: Node runs expired timers before it reads sockets, so after the process was busy for a second (a
 * burst of requests) that timeout fires although the reply sits unread in the socket, and healthy Redis looks down.
 * Here an expired deadline waits one turn of the event loop (setImmediate runs after sockets are read) and only
 * rejects if the reply is still missing then.
 */
function withinDeadline<T>(request: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(
      () => setImmediate(() => settle(() => reject(new Error("Command timed out")))),
      COMMAND_TIMEOUT_MS,
    );
    request.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

/**
 * Everything ioredis rejects with that is not a Redis reply is about the connection: closed, offline queue
 * disabled ("Stream isn't writeable"), MaxRetriesPerRequestError, "Command timed out", cluster/sentinel failures.
 * Only client calls go through here, so errors of our own (StoreDataError, a throwing `change`) stay as they are.
 */
async function call<T>(request: Promise<T>): Promise<T> {
  try {
    return await withinDeadline(request);
  } catch (error) {
    const reply = error instanceof Error && error.name === "ReplyError";
    if (!reply || TRANSIENT_REPLY.test(error.message)) throw new StoreUnavailableError(error);
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
  if (!parsed.success) throw new StoreDataError(key, z.prettifyError(parsed.error));
  return parsed.data;
}

/** Must match Lua's redis.sha1hex over the same UTF-8 bytes; "" stands for "absent". */
const sha1 = (text: string | null) => (text === null ? "" : createHash("sha1").update(text, "utf8").digest("hex"));
/** A few ms, growing with the attempt, randomised so colliding writers spread out instead of colliding again. */
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(2 ** attempt, 50)));
/** Readiness probes give up after a second or two; a ping that hangs longer means "not ready". */
const PING_TIMEOUT_MS = 1000;

/** SCAN's MATCH is a glob: a prefix is matched literally once its glob characters are escaped. */
const literalGlob = (text: string) => text.replace(/[*?[\]\\]/g, "\\$&");
/** Keys per SCAN step and per DEL: big enough to finish quickly, small enough not to block Redis for long. */
const SCAN_COUNT = 500;

async function deleteMatching(node: Redis, pattern: string): Promise<number> {
  let deleted = 0;
  let cursor = "0";
  do {
    const [next, found] = await call(node.scan(cursor, "MATCH", pattern, "COUNT", SCAN_COUNT));
    cursor = next;
    // UNLINK frees memory off the main thread; one key each, since found keys may hash to different slots.
    if (found.length > 0)
      deleted += (await Promise.all(found.map((key) => call(node.unlink(key))))).reduce((a, b) => a + b, 0);
  } while (cursor !== "0");
  return deleted;
}

/** The production Store: ioredis against Redis, Sentinel or Cluster (keys of one team share a slot). */
export function createRedisStore(redis: Redis | Cluster): Store {
  // defineCommand sends EVALSHA and falls back to EVAL once per connection, so scripts cost one round trip.
  // Its number of keys is given per call: one, or two with a guard.
  redis.defineCommand("compareAndSet", { lua: COMPARE_AND_SET });
  redis.defineCommand("releaseLock", { numberOfKeys: 1, lua: RELEASE_LOCK });
  redis.defineCommand("claimDue", { numberOfKeys: 1, lua: CLAIM_DUE });
  const scripted = redis as unknown as ScriptedRedis;
  const recent = createRecentValues(RECENT_KEYS);

  /** The values at `keys` as Redis holds them now (one round trip), remembered for the next update. */
  async function readFresh(keys: readonly string[]): Promise<(string | null)[]> {
    const raws = keys.length === 1 ? [await call(redis.get(keys[0] ?? ""))] : await call(redis.mget(...keys));
    keys.forEach((key, i) => {
      recent.remember(key, raws[i] ?? null);
    });
    return raws;
  }

  /**
   * Read (or take what this process last saw), check the guard, change, and compare-and-set the value and its guard.
   * Remembered values save the read; only the write proves them right, so a refusal or "nothing to change" reached
   * on remembered values is decided again on a fresh read.
   */
  const updateAt: UpdateAt = async (key, schema, change, ttlMs, guard) => {
    checkTtl(ttlMs);
    const keys = guard ? [key, guard.key] : [key];
    const ttl = ttlMs === undefined ? "" : String(ttlMs);
    let useRemembered = true;
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const remembered = keys.map((k) => recent.get(k));
      const fresh = !useRemembered || remembered.some((raw) => raw === undefined);
      const raws = fresh ? await readFresh(keys) : remembered;
      const [raw = null, guardRaw = null] = raws;
      useRemembered = false; // whatever happens next, a second look reads Redis
      if (guard && !guard.allows(decode(guard.key, guardRaw, guard.schema))) {
        if (fresh) return { refused: true };
        continue;
      }
      const next = change(decode(key, raw, schema));
      if (next === undefined) {
        if (fresh) return { refused: false, value: decode(key, raw, schema), changed: false };
        continue;
      }
      const json = encode(next);
      const seen = raws.map((r) => sha1(r ?? null));
      if ((await call(scripted.compareAndSet(String(keys.length), ...keys, ...seen, json, ttl))) === 1) {
        recent.remember(key, json);
        return { refused: false, value: decode(key, json, schema), changed: true };
      }
      for (const k of keys) recent.forget(k);
      // Lost a race (someone wrote in between): back off before the re-read. A remembered value that was stale
      // is not a race: read again at once.
      if (fresh) await backoff(attempt);
    }
    throw new StoreConflictError(key, MAX_CAS_ATTEMPTS);
  };

  return {
    async get(key, schema) {
      return decode(key, await call(redis.get(key)), schema);
    },
    async getMany(keys, schema) {
      if (keys.length === 0) return [];
      const raws = await call(redis.mget(...keys));
      return raws.map((raw, i) => decode(keys[i] ?? "", raw, schema));
    },
    async set(key, value, ttlMs) {
      const json = encode(value);
      checkTtl(ttlMs);
      recent.forget(key);
      await call(ttlMs === undefined ? redis.set(key, json) : redis.set(key, json, "PX", ttlMs));
    },
    async setIfAbsent(key, value, ttlMs) {
      const json = encode(value);
      checkTtl(ttlMs);
      recent.forget(key);
      return (await call(redis.set(key, json, "PX", ttlMs, "NX"))) === "OK";
    },
    async delete(...keys) {
      for (const key of keys) recent.forget(key);
      // One DEL per key (sent together, so still one round trip): keys may live in different Cluster slots.
      await Promise.all(keys.map((key) => call(redis.del(key))));
    },
    async deleteByPrefix(prefix) {
      recent.forgetAll();
      const pattern = `${literalGlob(prefix)}*`;
      // A cluster's keys are spread over its primaries: each is scanned on its own.
      const nodes = redis instanceof Cluster ? redis.nodes("master") : [redis];
      const counts = await Promise.all(nodes.map((node) => deleteMatching(node, pattern)));
      return counts.reduce((a, b) => a + b, 0);
    },
    update: async (key, schema, change, ttlMs) => unguarded(await updateAt(key, schema, change, ttlMs)),
    updateGuarded: (key, schema, change, ttlMs, guard) => updateAt(key, schema, change, ttlMs, guard),
    async acquireLock(key, ttlMs) {
      checkTtl(ttlMs);
      const token = randomUUID();
      return (await call(redis.set(key, encode(token), "PX", ttlMs, "NX"))) === "OK" ? token : null;
    },
    async releaseLock(key, token) {
      return (await call(scripted.releaseLock(key, encode(token)))) === 1;
    },
    async addToSet(key, members, ttlMs) {
      checkTtl(ttlMs);
      if (members.length === 0) return;
      // SADD and PEXPIRE in one MULTI: the set never exists without its TTL.
      const batch = redis.multi().sadd(key, ...members);
      if (ttlMs !== undefined) batch.pexpire(key, ttlMs);
      const results = await call(batch.exec());
      const failed = results?.find(([error]) => error !== null)?.[0];
      if (failed) throw failed;
    },
    async removeFromSet(key, members) {
      if (members.length > 0) await call(redis.srem(key, ...members));
    },
    async setMembers(key) {
      return call(redis.smembers(key));
    },
    async schedule(key, member, dueAtMs) {
      await call(redis.zadd(key, dueAtMs, member));
    },
    async unschedule(key, member) {
      await call(redis.zrem(key, member));
    },
    async dueAt(key, member) {
      const score = await call(redis.zscore(key, member));
      return score === null ? undefined : Number(score);
    },
    async claimDue(key, nowMs, limit, leaseMs) {
      return call(scripted.claimDue(key, String(nowMs), String(limit), String(nowMs + leaseMs)));
    },
    async ping() {
      // Readiness must answer quickly: a client that is not connected is not ready, whatever its queue would do.
      if (redis.status !== "ready") return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(resolve, PING_TIMEOUT_MS, false);
      });
      const pong = redis.ping().then(
        (reply) => reply === "PONG",
        () => false,
      );
      try {
        return await Promise.race([pong, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

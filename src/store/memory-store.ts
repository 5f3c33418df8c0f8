import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Store, StoreConflictError, StoreDataError, type UpdateAt, unguarded } from "./store.js";
import { checkTtl, encode } from "./value-checks.js";

/**
 * One keyspace for all kinds, as in Redis: SET replaces a set, a set blocks setIfAbsent, and reading a key as
 * the wrong kind fails. Values are kept as JSON text, exactly as Redis would hold them, so both stores fail alike.
 */
type Entry =
  | { kind: "string"; json: string; expiresAt: number | undefined }
  | { kind: "set"; members: Set<string>; expiresAt: number | undefined }
  | { kind: "zset"; scores: Map<string, number>; expiresAt: undefined };

/** Same bound as the Redis store: a change that keeps losing means something is hammering one key. */
const MAX_CAS_ATTEMPTS = 50;

/** Redis' own reply for a key of another kind, so callers (and the contract) see the same failure. */
const wrongType = () => new Error("WRONGTYPE Operation against a key holding the wrong kind of value");

/** Redis orders equal scores by member bytes; plain comparison matches that for the ids we store. */
const byScoreThenMember = (a: [string, number], b: [string, number]) =>
  a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The in-memory Store for the demo and for tests that need no Redis. It honours TTLs against an injectable
 * clock and runs `update` with the same compare-and-set semantics as the Redis store.
 */
export function createMemoryStore(options: { now?: () => number } = {}): Store {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const kindOf = <K extends Entry["kind"]>(key: string, kind: K): Extract<Entry, { kind: K }> | undefined => {
    const entry = live(key);
    if (entry === undefined) return undefined;
    if (entry.kind !== kind) throw wrongType();
    return entry as Extract<Entry, { kind: K }>;
  };
  const stringAt = (key: string) => kindOf(key, "string")?.json;
  const expiry = (ttlMs?: number) => (ttlMs === undefined ? undefined : now() + ttlMs);
  const decode = <T>(key: string, json: string | undefined, schema: z.ZodType<T>): T | undefined => {
    if (json === undefined) return undefined;
    const parsed = schema.safeParse(JSON.parse(json));
    if (!parsed.success) throw new StoreDataError(key, z.prettifyError(parsed.error));
    return parsed.data;
  };
  const write = (key: string, json: string, ttlMs?: number) => {
    entries.set(key, { kind: "string", json, expiresAt: expiry(ttlMs) });
  };
  // Redis deletes a set or sorted set when its last member goes (and with it any TTL).
  const dropIfEmpty = (key: string, size: number) => size === 0 && entries.delete(key);
  // Yield like a network call would, so concurrent callers interleave as they do against Redis.
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

  /** `updateGuarded`, and `update` without a guard. */
  const updateAt: UpdateAt = async (key, schema, change, ttlMs, guard) => {
    checkTtl(ttlMs);
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      await tick();
      const seen = stringAt(key);
      const guardSeen = guard ? stringAt(guard.key) : undefined;
      if (guard && !guard.allows(decode(guard.key, guardSeen, guard.schema))) return { refused: true };
      const next = change(decode(key, seen, schema));
      if (next === undefined) return { refused: false, value: decode(key, seen, schema), changed: false };
      const json = encode(next);
      await tick();
      // Someone wrote the value or its guard in between: run the check and the change again on fresh data.
      if (stringAt(key) !== seen || (guard && stringAt(guard.key) !== guardSeen)) continue;
      write(key, json, ttlMs);
      return { refused: false, value: decode(key, json, schema), changed: true };
    }
    throw new StoreConflictError(key, MAX_CAS_ATTEMPTS);
  };

  return {
    async get(key, schema) {
      await tick();
      return decode(key, stringAt(key), schema);
    },
    async getMany(keys, schema) {
      await tick();
      // MGET answers nil (not an error) for keys of another kind.
      return keys.map((key) => {
        const entry = live(key);
        return decode(key, entry?.kind === "string" ? entry.json : undefined, schema);
      });
    },
    async set(key, value, ttlMs) {
      const json = encode(value);
      checkTtl(ttlMs);
      await tick();
      write(key, json, ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      const json = encode(value);
      checkTtl(ttlMs);
      await tick();
      if (live(key)) return false;
      write(key, json, ttlMs);
      return true;
    },
    async delete(...keys) {
      await tick();
      for (const key of keys) entries.delete(key);
    },
    async deleteByPrefix(prefix) {
      await tick();
      const doomed = [...entries.keys()].filter((key) => key.startsWith(prefix) && live(key));
      for (const key of doomed) entries.delete(key);
      return doomed.length;
    },
    update: async (key, schema, change, ttlMs) => unguarded(await updateAt(key, schema, change, ttlMs)),
    updateGuarded: (key, schema, change, ttlMs, guard) => updateAt(key, schema, change, ttlMs, guard),
    async acquireLock(key, ttlMs) {
      checkTtl(ttlMs);
      await tick();
      if (live(key)) return null;
      const token = randomUUID();
      write(key, encode(token), ttlMs);
      return token;
    },
    async releaseLock(key, token) {
      await tick();
      if (stringAt(key) !== encode(token)) return false;
      entries.delete(key);
      return true;
    },
    async addToSet(key, members, ttlMs) {
      checkTtl(ttlMs);
      await tick();
      if (members.length === 0) return;
      const set = kindOf(key, "set") ?? { kind: "set", members: new Set<string>(), expiresAt: undefined };
      for (const m of members) set.members.add(m);
      if (ttlMs !== undefined) set.expiresAt = expiry(ttlMs);
      entries.set(key, set);
    },
    async removeFromSet(key, members) {
      await tick();
      const set = kindOf(key, "set");
      if (!set) return;
      for (const m of members) set.members.delete(m);
      dropIfEmpty(key, set.members.size);
    },
    async setMembers(key) {
      await tick();
      return [...(kindOf(key, "set")?.members ?? [])];
    },
    async schedule(key, member, dueAtMs) {
      await tick();
      const zset = kindOf(key, "zset") ?? { kind: "zset", scores: new Map<string, number>(), expiresAt: undefined };
      zset.scores.set(member, dueAtMs);
      entries.set(key, zset);
    },
    async unschedule(key, member) {
      await tick();
      const zset = kindOf(key, "zset");
      if (!zset) return;
      zset.scores.delete(member);
      dropIfEmpty(key, zset.scores.size);
    },
    async dueAt(key, member) {
      await tick();
      return kindOf(key, "zset")?.scores.get(member);
    },
    async claimDue(key, nowMs, limit, leaseMs) {
      await tick();
      const zset = kindOf(key, "zset");
      if (!zset) return [];
      const due = [...zset.scores.entries()]
        .filter(([, score]) => score <= nowMs)
        .sort(byScoreThenMember)
        .slice(0, limit)
        .map(([member]) => member);
      for (const member of due) zset.scores.set(member, nowMs + leaseMs);
      return due;
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}

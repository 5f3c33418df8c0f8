import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { type Store, StoreDataError } from "./store.js";

interface Entry {
  /** Values are kept as JSON text, exactly as Redis would hold them, so both stores fail alike. */
  json: string;
  expiresAt: number | undefined;
}

/**
 * The in-memory Store for the demo and for tests that need no Redis. It honours TTLs against an injectable
 * clock and runs `update` with the same compare-and-set semantics as the Redis store.
 */
export function createMemoryStore(options: { now?: () => number } = {}): Store {
  const now = options.now ?? Date.now;
  const values = new Map<string, Entry>();
  const sets = new Map<string, { members: Set<string>; expiresAt: number | undefined }>();
  const sorted = new Map<string, Map<string, number>>();

  const live = <T extends { expiresAt: number | undefined }>(map: Map<string, T>, key: string): T | undefined => {
    const entry = map.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  };
  const expiry = (ttlMs?: number) => (ttlMs === undefined ? undefined : now() + ttlMs);
  const decode = <T>(key: string, json: string | undefined, schema: z.ZodType<T>): T | undefined => {
    if (json === undefined) return undefined;
    const parsed = schema.safeParse(JSON.parse(json));
    if (!parsed.success) throw new StoreDataError(key, parsed.error.message);
    return parsed.data;
  };
  const write = (key: string, value: unknown, ttlMs?: number) => {
    values.set(key, { json: JSON.stringify(value), expiresAt: expiry(ttlMs) });
  };
  // Yield like a network call would, so concurrent callers interleave as they do against Redis.
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

  return {
    async get(key, schema) {
      await tick();
      return decode(key, live(values, key)?.json, schema);
    },
    async getMany(keys, schema) {
      await tick();
      return keys.map((key) => decode(key, live(values, key)?.json, schema));
    },
    async set(key, value, ttlMs) {
      await tick();
      write(key, value, ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      await tick();
      if (live(values, key)) return false;
      write(key, value, ttlMs);
      return true;
    },
    async delete(...keys) {
      await tick();
      for (const key of keys) {
        values.delete(key);
        sets.delete(key);
        sorted.delete(key);
      }
    },
    async update(key, schema, change, ttlMs) {
      for (;;) {
        await tick();
        const seen = live(values, key)?.json;
        const next = change(decode(key, seen, schema));
        await tick();
        if (live(values, key)?.json !== seen) continue; // someone wrote in between: run the change again
        if (next === undefined) return { value: decode(key, seen, schema), changed: false };
        write(key, next, ttlMs);
        return { value: decode(key, JSON.stringify(next), schema), changed: true };
      }
    },
    async acquireLock(key, ttlMs) {
      await tick();
      if (live(values, key)) return null;
      const token = randomUUID();
      write(key, token, ttlMs);
      return token;
    },
    async releaseLock(key, token) {
      await tick();
      if (live(values, key)?.json !== JSON.stringify(token)) return false;
      values.delete(key);
      return true;
    },
    async addToSet(key, members, ttlMs) {
      await tick();
      const set = live(sets, key) ?? { members: new Set<string>(), expiresAt: undefined };
      for (const m of members) set.members.add(m);
      if (ttlMs !== undefined) set.expiresAt = expiry(ttlMs);
      sets.set(key, set);
    },
    async removeFromSet(key, members) {
      await tick();
      for (const m of members) live(sets, key)?.members.delete(m);
    },
    async setMembers(key) {
      await tick();
      return [...(live(sets, key)?.members ?? [])];
    },
    async schedule(key, member, dueAtMs) {
      await tick();
      const zset = sorted.get(key) ?? new Map<string, number>();
      zset.set(member, dueAtMs);
      sorted.set(key, zset);
    },
    async unschedule(key, member) {
      await tick();
      sorted.get(key)?.delete(member);
    },
    async dueAt(key, member) {
      await tick();
      return sorted.get(key)?.get(member);
    },
    async claimDue(key, nowMs, limit, leaseMs) {
      await tick();
      const zset = sorted.get(key);
      if (!zset) return [];
      const due = [...zset.entries()]
        .filter(([, score]) => score <= nowMs)
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([member]) => member);
      for (const member of due) zset.set(member, nowMs + leaseMs);
      return due;
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}

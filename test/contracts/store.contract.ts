import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { type Store, StoreConflictError, StoreDataError } from "../../src/store/store.js";

/** A fresh store whose keys all start with `prefix`; `cleanup` removes them and closes the store. */
export interface StoreFixture {
  store: Store;
  prefix: string;
  cleanup: () => Promise<void>;
}

/**
 * The one contract every Store passes with identical expectations (memory and real Redis). TTL tests use short
 * real TTLs so both stores run exactly the same test. Keys share one hash tag, as keys.ts guarantees, so
 * multi-key operations are valid on Redis Cluster too.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreFixture>) {
  const counter = z.object({ n: z.int() });
  const increment = (c: { n: number } | undefined) => ({ n: (c?.n ?? 0) + 1 });
  const setup = async () => {
    const { store, prefix, cleanup } = await makeStore();
    onTestFinished(cleanup);
    return { store, key: (k: string) => `${prefix}:{contract}:${k}` };
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  describe(`Store contract: ${name}`, () => {
    it("round-trips values through JSON and validates them on the way out", async () => {
      const { store, key } = await setup();
      await store.set(key("a"), { n: 1, gone: undefined });
      expect(await store.get(key("a"), counter.strict())).toEqual({ n: 1 });
      await store.set(key("date"), { at: new Date("2026-01-01T00:00:00Z") });
      expect(await store.get(key("date"), z.object({ at: z.string() }))).toEqual({ at: "2026-01-01T00:00:00.000Z" });
      const error = await store.get(key("date"), z.object({ at: z.date() })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreDataError);
      expect(error).toMatchObject({ key: key("date"), issues: expect.stringContaining("at") });
      expect(await store.get(key("absent"), counter)).toBeUndefined();
    });

    it("gives up an update that loses every race with StoreConflictError, never a bare Error", async () => {
      const { store, key } = await setup();
      let writes = 0;
      // Each attempt's change also writes the key, so the compare-and-set that follows always finds it changed.
      const error = await store
        .update(key("busy"), counter, (current) => {
          void store.set(key("busy"), { n: 1000 + ++writes });
          return increment(current);
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreConflictError);
      expect(error).toMatchObject({ code: "store_conflict", key: key("busy") });
      expect(writes).toBeGreaterThan(1);
      expect((await store.get(key("busy"), counter))?.n).toBe(1000 + writes);
    });

    it("refuses values that are not JSON and TTLs that are not positive whole ms", async () => {
      const { store, key } = await setup();
      await expect(store.set(key("u"), undefined)).rejects.toBeInstanceOf(TypeError);
      await expect(store.set(key("t"), 1, 0)).rejects.toBeInstanceOf(RangeError);
      await expect(store.setIfAbsent(key("t"), 1, 1.5)).rejects.toBeInstanceOf(RangeError);
      expect(await store.get(key("u"), z.unknown())).toBeUndefined();
    });

    it("expires values, claims, sets and updates after their TTL", async () => {
      const { store, key } = await setup();
      await store.set(key("ttl"), { n: 1 }, 60);
      await store.setIfAbsent(key("once"), 1, 60);
      await store.addToSet(key("set"), ["a"], 60);
      await store.update(key("upd"), counter, increment, 60);
      expect(await store.get(key("ttl"), counter)).toEqual({ n: 1 });
      await sleep(120);
      expect(await store.get(key("ttl"), counter)).toBeUndefined();
      expect(await store.setIfAbsent(key("once"), 2, 60)).toBe(true);
      expect(await store.setMembers(key("set"))).toEqual([]);
      expect(await store.get(key("upd"), counter)).toBeUndefined();
    });

    it("lets exactly one of many concurrent setIfAbsent calls win", async () => {
      const { store, key } = await setup();
      const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent(key("once"), i, 10_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await store.setIfAbsent(key("once"), "again", 10_000)).toBe(false);
      expect(await store.get(key("once"), z.int())).toBe(wins.indexOf(true));
    });

    it("deletes values, sets and schedules, and reads many in order with gaps", async () => {
      const { store, key } = await setup();
      await store.set(key("m1"), { n: 1 });
      await store.set(key("m3"), { n: 3 });
      await store.addToSet(key("s"), ["a"]);
      await store.schedule(key("z"), "a", 1);
      expect(await store.getMany([key("m1"), key("m2"), key("m3")], counter)).toEqual([{ n: 1 }, undefined, { n: 3 }]);
      expect(await store.getMany([], counter)).toEqual([]);
      await store.delete(key("m1"), key("m3"), key("s"), key("z"));
      expect(await store.getMany([key("m1"), key("m3")], counter)).toEqual([undefined, undefined]);
      expect(await store.setMembers(key("s"))).toEqual([]);
      expect(await store.dueAt(key("z"), "a")).toBeUndefined();
    });

    it("shares one keyspace across kinds, as Redis does", async () => {
      const { store, key } = await setup();
      await store.addToSet(key("k"), ["a"]);
      await expect(store.get(key("k"), z.unknown())).rejects.toThrow(/WRONGTYPE/);
      expect(await store.getMany([key("k")], z.unknown())).toEqual([undefined]);
      expect(await store.setIfAbsent(key("k"), 1, 10_000)).toBe(false);
      await store.set(key("k"), 1);
      expect(await store.get(key("k"), z.int())).toBe(1);
    });

    it("updates atomically: creates, changes, leaves alone", async () => {
      const { store, key } = await setup();
      expect(await store.update(key("u"), counter, increment)).toEqual({ value: { n: 1 }, changed: true });
      expect(await store.update(key("u"), counter, increment)).toEqual({ value: { n: 2 }, changed: true });
      expect(await store.update(key("u"), counter, () => undefined)).toEqual({ value: { n: 2 }, changed: false });
      expect(await store.update(key("none"), counter, () => undefined)).toEqual({ value: undefined, changed: false });
      expect(await store.get(key("none"), counter)).toBeUndefined();
    });

    it("loses no update under 50 concurrent incrementers", async () => {
      const { store, key } = await setup();
      const results = await Promise.all(
        Array.from({ length: 50 }, () => store.update(key("race"), counter, increment)),
      );
      expect(await store.get(key("race"), counter)).toEqual({ n: 50 });
      // Every caller saw its own increment land: the values it got back are exactly 1..50.
      expect(results.map((r) => r.value?.n).sort((a = 0, b = 0) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
    });

    it("re-runs the change when another write lands between its read and its write", async () => {
      const { store, key } = await setup();
      await store.set(key("cas"), { n: 1 });
      const seen: (number | undefined)[] = [];
      const result = await store.update(key("cas"), counter, (c) => {
        seen.push(c?.n);
        // A concurrent writer, sent after this read and before this update's write.
        if (seen.length === 1) void store.set(key("cas"), { n: 10 });
        return increment(c);
      });
      expect(seen).toEqual([1, 10]);
      expect(result).toEqual({ value: { n: 11 }, changed: true });
    });

    it("writes a guarded update only while its guard allows it, checked against the guard as it is at the write", async () => {
      const { store, key } = await setup();
      const round = z.object({ open: z.boolean() });
      const whileOpen = { key: key("round"), schema: round, allows: (r?: { open: boolean }) => r?.open === true };
      await store.set(key("round"), { open: true });
      expect(await store.updateGuarded(key("answer"), counter, increment, undefined, whileOpen)).toEqual({
        refused: false,
        value: { n: 1 },
        changed: true,
      });

      // The round closes between the update's read and its write: the check runs again and refuses.
      let runs = 0;
      const late = await store.updateGuarded(
        key("answer"),
        counter,
        (c) => {
          if (++runs === 1) void store.set(key("round"), { open: false });
          return increment(c);
        },
        undefined,
        whileOpen,
      );
      expect(late).toEqual({ refused: true });
      expect(await store.get(key("answer"), counter)).toEqual({ n: 1 });

      // Refused without a round at all, and nothing is written.
      const orphan = { ...whileOpen, key: key("no-round") };
      expect(await store.updateGuarded(key("other"), counter, increment, undefined, orphan)).toEqual({ refused: true });
      expect(await store.get(key("other"), counter)).toBeUndefined();
    });

    it("re-validates stored data inside update and leaves it untouched", async () => {
      const { store, key } = await setup();
      await store.set(key("bad"), { n: "not a number" });
      await expect(store.update(key("bad"), counter, increment)).rejects.toBeInstanceOf(StoreDataError);
      expect(await store.get(key("bad"), z.object({ n: z.string() }))).toEqual({ n: "not a number" });
    });

    it("holds token locks until released by their owner or expired", async () => {
      const { store, key } = await setup();
      const token = await store.acquireLock(key("lock"), 10_000);
      expect(token).toEqual(expect.any(String));
      expect(await store.acquireLock(key("lock"), 10_000)).toBeNull();
      expect(await store.releaseLock(key("lock"), "someone-else")).toBe(false);
      expect(await store.releaseLock(key("lock"), token ?? "")).toBe(true);
      expect(await store.releaseLock(key("lock"), token ?? "")).toBe(false);
      const short = await store.acquireLock(key("short"), 50);
      expect(short).not.toBeNull();
      await sleep(100);
      const next = await store.acquireLock(key("short"), 10_000);
      expect(next).not.toBeNull();
      // The first owner's lock expired and was taken over: its release must not free the new owner's lock.
      expect(await store.releaseLock(key("short"), short ?? "")).toBe(false);
      expect(await store.acquireLock(key("short"), 10_000)).toBeNull();
    });

    it("keeps sets", async () => {
      const { store, key } = await setup();
      await store.addToSet(key("set"), ["a", "b"]);
      await store.addToSet(key("set"), ["b", "c"], 10_000);
      await store.addToSet(key("set"), []);
      await store.removeFromSet(key("set"), ["a", "missing"]);
      expect((await store.setMembers(key("set"))).sort()).toEqual(["b", "c"]);
      await store.removeFromSet(key("set"), ["b", "c"]);
      expect(await store.setMembers(key("set"))).toEqual([]);
      expect(await store.setMembers(key("no-set"))).toEqual([]);
    });

    it("schedules, moves and unschedules members", async () => {
      const { store, key } = await setup();
      await store.schedule(key("due"), "a", 1000);
      expect(await store.dueAt(key("due"), "a")).toBe(1000);
      await store.schedule(key("due"), "a", 1_800_000_000_000);
      expect(await store.dueAt(key("due"), "a")).toBe(1_800_000_000_000);
      await store.unschedule(key("due"), "a");
      await store.unschedule(key("due"), "never-there");
      expect(await store.dueAt(key("due"), "a")).toBeUndefined();
    });

    it("claims only what is due, earliest first, within the limit, and pushes it one lease ahead", async () => {
      const { store, key } = await setup();
      await store.schedule(key("due"), "early", 1000);
      await store.schedule(key("due"), "later", 5000);
      await store.schedule(key("due"), "middle", 2000);
      await store.schedule(key("due"), "exact", 2500);
      expect(await store.claimDue(key("due"), 2500, 1, 60_000)).toEqual(["early"]);
      expect(await store.dueAt(key("due"), "early")).toBe(62_500);
      expect(await store.claimDue(key("due"), 2500, 10, 60_000)).toEqual(["middle", "exact"]);
      expect(await store.claimDue(key("due"), 2500, 10, 60_000)).toEqual([]);
      expect(await store.claimDue(key("nothing"), 2500, 10, 60_000)).toEqual([]);
      expect(await store.dueAt(key("due"), "later")).toBe(5000);
    });

    it("never hands the same member to two concurrent claimers, and re-offers it after the lease", async () => {
      const { store, key } = await setup();
      for (let i = 0; i < 30; i++) await store.schedule(key("claims"), `m${i}`, i);
      const batches = await Promise.all(Array.from({ length: 5 }, () => store.claimDue(key("claims"), 100, 10, 1000)));
      const all = batches.flat();
      expect(all).toHaveLength(30);
      expect(new Set(all).size).toBe(30);
      expect(await store.claimDue(key("claims"), 500, 100, 1000)).toEqual([]);
      // The lease ran out (the claimer died): the items are due again.
      expect(await store.claimDue(key("claims"), 1100, 100, 1000)).toHaveLength(30);
    });

    it("deletes every key under a prefix, of every kind, and nothing else (glob characters taken literally)", async () => {
      const { store, key } = await setup();
      const kept = [key("gone"), key("gone-not:a"), key("kept:gone:a"), key("g*ne:a")];
      for (const k of [key("gone:a"), key("gone:b:c"), ...kept]) await store.set(k, { n: 1 });
      await store.addToSet(key("gone:set"), ["x", "y"]);
      await store.schedule(key("gone:due"), "m", 5);
      expect(await store.deleteByPrefix(key("go*"))).toBe(0);
      expect(await store.deleteByPrefix(key("gone:"))).toBe(4);
      expect(await store.get(key("gone:a"), counter)).toBeUndefined();
      expect(await store.get(key("gone:b:c"), counter)).toBeUndefined();
      expect(await store.setMembers(key("gone:set"))).toEqual([]);
      expect(await store.dueAt(key("gone:due"), "m")).toBeUndefined();
      for (const k of kept) expect(await store.get(k, counter)).toEqual({ n: 1 });
      expect(await store.deleteByPrefix(key("g*"))).toBe(1);
      expect(await store.get(key("gone"), counter)).toEqual({ n: 1 });
    });

    it("answers ping", async () => {
      const { store } = await setup();
      expect(await store.ping()).toBe(true);
    });
  });
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type Store, StoreDataError } from "../../src/store/store.js";

/**
 * The one contract every Store passes with identical expectations (memory and real Redis). TTL tests use short
 * real TTLs so both stores run exactly the same test.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<{ store: Store; prefix: string }>) {
  const counter = z.object({ n: z.int() });
  const setup = async () => {
    const { store, prefix } = await makeStore();
    return { store, key: (k: string) => `${prefix}:${k}` };
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  describe(`Store contract: ${name}`, () => {
    it("round-trips values through JSON and validates them on the way out", async () => {
      const { store, key } = await setup();
      await store.set(key("a"), { n: 1, gone: undefined });
      expect(await store.get(key("a"), z.object({ n: z.int() }).strict())).toEqual({ n: 1 });
      await store.set(key("date"), { at: new Date("2026-01-01T00:00:00Z") });
      expect(await store.get(key("date"), z.object({ at: z.string() }))).toEqual({ at: "2026-01-01T00:00:00.000Z" });
      await expect(store.get(key("date"), z.object({ at: z.date() }))).rejects.toBeInstanceOf(StoreDataError);
      expect(await store.get(key("absent"), counter)).toBeUndefined();
    });

    it("expires values after their TTL", async () => {
      const { store, key } = await setup();
      await store.set(key("ttl"), { n: 1 }, 60);
      expect(await store.get(key("ttl"), counter)).toEqual({ n: 1 });
      await sleep(120);
      expect(await store.get(key("ttl"), counter)).toBeUndefined();
    });

    it("lets exactly one of many concurrent setIfAbsent calls win", async () => {
      const { store, key } = await setup();
      const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent(key("once"), i, 10_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await store.setIfAbsent(key("once"), "again", 10_000)).toBe(false);
    });

    it("deletes, and reads many in order with gaps", async () => {
      const { store, key } = await setup();
      await store.set(key("m1"), { n: 1 });
      await store.set(key("m3"), { n: 3 });
      expect(await store.getMany([key("m1"), key("m2"), key("m3")], counter)).toEqual([{ n: 1 }, undefined, { n: 3 }]);
      expect(await store.getMany([], counter)).toEqual([]);
      await store.delete(key("m1"), key("m3"));
      expect(await store.getMany([key("m1"), key("m3")], counter)).toEqual([undefined, undefined]);
    });

    it("updates atomically: creates, changes, leaves alone", async () => {
      const { store, key } = await setup();
      expect(await store.update(key("u"), counter, (c) => ({ n: (c?.n ?? 0) + 1 }))).toEqual({
        value: { n: 1 },
        changed: true,
      });
      expect(await store.update(key("u"), counter, () => undefined)).toEqual({ value: { n: 1 }, changed: false });
      expect(await store.update(key("none"), counter, () => undefined)).toEqual({ value: undefined, changed: false });
    });

    it("loses no update under 50 concurrent incrementers", async () => {
      const { store, key } = await setup();
      await Promise.all(
        Array.from({ length: 50 }, () => store.update(key("race"), counter, (c) => ({ n: (c?.n ?? 0) + 1 }))),
      );
      expect(await store.get(key("race"), counter)).toEqual({ n: 50 });
    });

    it("re-validates stored data inside update", async () => {
      const { store, key } = await setup();
      await store.set(key("bad"), { n: "not a number" });
      await expect(store.update(key("bad"), counter, (c) => c)).rejects.toBeInstanceOf(StoreDataError);
    });

    it("holds token locks until released by their owner or expired", async () => {
      const { store, key } = await setup();
      const token = await store.acquireLock(key("lock"), 10_000);
      expect(token).toEqual(expect.any(String));
      expect(await store.acquireLock(key("lock"), 10_000)).toBeNull();
      expect(await store.releaseLock(key("lock"), "someone-else")).toBe(false);
      expect(await store.releaseLock(key("lock"), token ?? "")).toBe(true);
      expect(await store.acquireLock(key("short"), 50)).not.toBeNull();
      await sleep(100);
      expect(await store.acquireLock(key("short"), 50)).not.toBeNull();
    });

    it("keeps sets", async () => {
      const { store, key } = await setup();
      await store.addToSet(key("set"), ["a", "b"]);
      await store.addToSet(key("set"), ["b", "c"], 10_000);
      await store.removeFromSet(key("set"), ["a"]);
      expect((await store.setMembers(key("set"))).sort()).toEqual(["b", "c"]);
      expect(await store.setMembers(key("no-set"))).toEqual([]);
    });

    it("schedules, claims only what is due, within the limit", async () => {
      const { store, key } = await setup();
      await store.schedule(key("due"), "early", 1000);
      await store.schedule(key("due"), "later", 5000);
      await store.schedule(key("due"), "middle", 2000);
      expect(await store.dueAt(key("due"), "later")).toBe(5000);
      expect(await store.claimDue(key("due"), 2500, 1, 60_000)).toEqual(["early"]);
      expect(await store.claimDue(key("due"), 2500, 10, 60_000)).toEqual(["middle"]);
      expect(await store.claimDue(key("due"), 2500, 10, 60_000)).toEqual([]);
      await store.unschedule(key("due"), "later");
      expect(await store.dueAt(key("due"), "later")).toBeUndefined();
    });

    it("never hands the same member to two concurrent claimers, and re-offers it after the lease", async () => {
      const { store, key } = await setup();
      for (let i = 0; i < 30; i++) await store.schedule(key("claims"), `m${i}`, i);
      const batches = await Promise.all(Array.from({ length: 5 }, () => store.claimDue(key("claims"), 100, 10, 1000)));
      const all = batches.flat();
      expect(all).toHaveLength(30);
      expect(new Set(all).size).toBe(30);
      expect(await store.claimDue(key("claims"), 500, 100, 1000)).toEqual([]);
      // The lease ran out (claimer died): the items are due again.
      expect(await store.claimDue(key("claims"), 1100, 100, 1000)).toHaveLength(30);
    });

    it("answers ping", async () => {
      const { store } = await setup();
      expect(await store.ping()).toBe(true);
    });
  });
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { describeStoreContract } from "../contracts/store.contract.js";

describeStoreContract("memory", async () => {
  const store = createMemoryStore();
  return { store, prefix: "mem", cleanup: () => store.close() };
});

describe("memory store specifics", () => {
  it("expires against the injected clock, so demos and tests can jump ahead in time", async () => {
    let now = 1_000;
    const store = createMemoryStore({ now: () => now });
    await store.set("k", 1, 500);
    await store.addToSet("s", ["a"], 500);
    now = 1_499;
    expect(await store.get("k", z.int())).toBe(1);
    now = 1_500;
    expect(await store.get("k", z.int())).toBeUndefined();
    expect(await store.setMembers("s")).toEqual([]);
  });
});

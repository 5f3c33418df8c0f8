import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { StoreUnavailableError } from "../../src/store/store.js";
import { describeStoreContract } from "../contracts/store.contract.js";
import { REDIS_URL, redisTestScope, uniquePrefix } from "./redis-helpers.js";

const prefix = uniquePrefix("store");
const { clients } = redisTestScope(prefix);

describeStoreContract("redis", async () => {
  const client = createRedisClient({ url: REDIS_URL }) as Redis;
  clients.push(client);
  return { store: createRedisStore(client), prefix };
});

describe("redis store specifics", () => {
  it("updates in two round trips (GET + one compare-and-set script)", async () => {
    const client = createRedisClient({ url: REDIS_URL }) as Redis;
    clients.push(client);
    const store = createRedisStore(client);
    await store.set(`${prefix}:rt`, { n: 1 });
    const sent: string[] = [];
    const original = client.sendCommand.bind(client);
    client.sendCommand = (command, stream) => {
      sent.push(command.name);
      return original(command, stream);
    };
    await store.update(`${prefix}:rt`, z.object({ n: z.int() }), (c) => ({ n: (c?.n ?? 0) + 1 }));
    expect(sent.filter((name) => name !== "script")).toEqual(["get", "evalsha"]);
  });

  it("fails fast with StoreUnavailableError when Redis is unreachable", async () => {
    const client = createRedisClient({ url: "redis://127.0.0.1:1", failFast: true }) as Redis;
    client.on("error", () => {});
    const store = createRedisStore(client);
    const started = Date.now();
    const error = await store.get(`${prefix}:x`, z.string()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await store.ping()).toBe(false);
    client.disconnect();
  });
});

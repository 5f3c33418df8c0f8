import net from "node:net";
import type { Redis } from "ioredis";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { connectRedisClient, createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { StoreUnavailableError } from "../../src/store/store.js";
import { describeStoreContract } from "../contracts/store.contract.js";
import { deleteKeys, REDIS_URL, redisTestScope, uniquePrefix } from "./redis-helpers.js";

const prefix = uniquePrefix("store");
const scope = redisTestScope(prefix);
const counter = z.object({ n: z.int() });
const increment = (c: { n: number } | undefined) => ({ n: (c?.n ?? 0) + 1 });

/** The request-path client (fail fast), connected before use so an unreachable Redis fails the test at once. */
async function requestPathStore() {
  const client = await connectRedisClient({ url: REDIS_URL, failFast: true }, 2000);
  return { client, store: createRedisStore(client) };
}

let run = 0;
describeStoreContract("redis", async () => {
  const testPrefix = `${prefix}:${run++}`;
  const { store } = await requestPathStore();
  return {
    store,
    prefix: testPrefix,
    cleanup: async () => {
      await deleteKeys(scope.admin, testPrefix);
      await store.close();
    },
  };
});

/** A port nothing listens on: bound by us a moment ago, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP proxy to the real Redis that can go silent: the connection stays up but nothing is answered. */
async function stallingProxy() {
  let stalled = false;
  const sockets: net.Socket[] = [];
  const target = new URL(REDIS_URL);
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    sockets.push(client, upstream);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on("data", (data) => stalled || to.write(data));
      from.on("error", () => to.destroy());
      from.on("close", () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(REDIS_URL);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    stall: () => {
      stalled = true;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

describe("redis store specifics", () => {
  /** Every command Redis receives for keys under `tag` (not those run inside Lua), in order. */
  async function watch(tag: string) {
    // MONITOR shows what the server received; commands run inside Lua are reported with source "lua".
    const monitor: Redis = await scope.admin.monitor();
    onTestFinished(() => monitor.disconnect());
    const seen: string[] = [];
    monitor.on("monitor", (_time: string, args: string[], source: string) => {
      if (source !== "lua" && args.some((a) => a.includes(tag))) seen.push(args.join(" "));
    });
    const done = `${prefix}:${tag}:done`;
    return {
      /** The commands so far, once Redis has seen everything sent before this call. */
      async commands(store: ReturnType<typeof createRedisStore>) {
        await store.get(done, z.unknown());
        await expect.poll(() => seen.some((c) => c.includes(done))).toBe(true);
        const upTo = seen.findIndex((c) => c.includes(done));
        const sent = seen.splice(0, upTo + 1).slice(0, -1);
        return sent.map((c) => (c.split(" ")[0] ?? "").toLowerCase());
      },
    };
  }

  it("updates in one round trip after its own write, in two (read, compare-and-set) otherwise", async () => {
    const { store } = await requestPathStore();
    onTestFinished(() => store.close());
    const key = `${prefix}:{rt}:counter`;
    const redis = await watch("{rt}");

    await store.update(key, counter, increment);
    await store.update(key, counter, increment);
    // First use on a connection sends the script body (EVAL), later ones only its SHA (EVALSHA). The second
    // update starts from the value this process wrote: its compare-and-set is the only command.
    expect(await redis.commands(store)).toEqual(["get", "eval", "evalsha"]);

    // Another replica writes: this process's remembered value is stale, the compare-and-set says so, and the
    // update reads again and still counts everyone's increment.
    const { store: other } = await requestPathStore();
    onTestFinished(() => other.close());
    await other.update(key, counter, increment);
    await redis.commands(store);
    expect((await store.update(key, counter, increment)).value).toEqual({ n: 4 });
    expect(await redis.commands(store)).toEqual(["evalsha", "get", "evalsha"]);
    expect(await store.get(key, counter)).toEqual({ n: 4 });
  });

  it("checks a guarded update's guard with the same compare-and-set, and refuses only on what Redis holds", async () => {
    const { store } = await requestPathStore();
    onTestFinished(() => store.close());
    const { store: other } = await requestPathStore();
    onTestFinished(() => other.close());
    const round = z.object({ open: z.boolean() });
    const guard = {
      key: `${prefix}:{guard}:round`,
      schema: round,
      allows: (r?: { open: boolean }) => r?.open === true,
    };
    const answer = `${prefix}:{guard}:answer`;
    await store.set(guard.key, { open: true });
    const redis = await watch("{guard}");
    await redis.commands(store);

    await store.updateGuarded(answer, counter, increment, undefined, guard);
    await store.updateGuarded(answer, counter, increment, undefined, guard);
    // One read of both keys, then the script per answer (its body once on this new connection); the second
    // answer needs no read.
    expect(await redis.commands(store)).toEqual(["mget", "eval", "evalsha"]);

    // A replica that remembers the round open must not write once another has closed it...
    await other.set(guard.key, { open: false });
    expect(await store.updateGuarded(answer, counter, increment, undefined, guard)).toEqual({ refused: true });
    expect(await store.get(answer, counter)).toEqual({ n: 2 });
    // ...and one that remembers it closed must not refuse once it is open again: it reads before refusing.
    await other.set(guard.key, { open: true });
    expect(await store.updateGuarded(answer, counter, increment, undefined, guard)).toMatchObject({ value: { n: 3 } });
  });

  it("fails fast with StoreUnavailableError when nothing listens on the port", async () => {
    const client = createRedisClient({ url: `redis://127.0.0.1:${await closedPort()}`, failFast: true });
    client.on("error", () => {}); // reconnect attempts report here; the store call is what we assert on
    onTestFinished(() => client.disconnect());
    const store = createRedisStore(client);
    const started = Date.now();
    const error = await store.get(`${prefix}:x`, z.string()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(store.update(`${prefix}:x`, counter, increment)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.ping()).toBe(false);
  });

  it("fails fast with StoreUnavailableError when a connected Redis stops answering", async () => {
    const proxy = await stallingProxy();
    onTestFinished(proxy.close);
    const client = await connectRedisClient({ url: proxy.url, failFast: true }, 2000);
    client.on("error", () => {});
    onTestFinished(() => client.disconnect());
    const store = createRedisStore(client);
    await store.set(`${prefix}:stall`, 1, 10_000);
    proxy.stall();
    const started = Date.now();
    const error = await store.get(`${prefix}:stall`, z.int()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await store.ping()).toBe(false);
  });

  it("does not call a reply late that only waited for a busy event loop (a burst of requests is not an outage)", async () => {
    const client = await connectRedisClient({ url: REDIS_URL, failFast: true }, 2000);
    onTestFinished(() => client.disconnect());
    const store = createRedisStore(client);
    await store.set(`${prefix}:busy`, 7, 10_000);
    const read = store.get(`${prefix}:busy`, z.int()).catch((e: unknown) => e);
    // Redis answers within a millisecond, but this process is busy (1,000 requests arriving at once) past the
    // command timeout before it looks at the socket.
    const until = Date.now() + 1300;
    while (Date.now() < until) {}
    expect(await read).toBe(7);
  });

  it("reports Redis' own errors as they are, not as an outage", async () => {
    const { store } = await requestPathStore();
    onTestFinished(() => store.close());
    await store.addToSet(`${prefix}:{kind}:set`, ["a"]);
    const error = await store.get(`${prefix}:{kind}:set`, z.unknown()).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ message: expect.stringMatching(/^WRONGTYPE/) });
  });
});

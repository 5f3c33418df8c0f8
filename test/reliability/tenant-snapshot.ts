import type { Redis } from "ioredis";
import type { Platform } from "../../src/chat/address.js";
import type { Keys } from "../../src/store/keys.js";

/**
 * Everything Redis holds for one workspace/tenant, read straight from Redis: its own keys (team keys
 * `{platform:workspace:channel}` and workspace keys `{platform:workspace}`) with their values, and its members of
 * the global due-nudges index. Two snapshots differ if anything of the tenant was written, added or removed.
 */
export type Snapshot = Map<string, string>;

async function scanAll(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    cursor = next;
    found.push(...keys);
  } while (cursor !== "0");
  return found;
}

async function valueOfKey(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case "string":
      return (await redis.get(key)) ?? "";
    case "set":
      return JSON.stringify((await redis.smembers(key)).sort());
    case "zset":
      return JSON.stringify(await redis.zrange(key, 0, -1, "WITHSCORES"));
    default:
      return `(${await redis.type(key)})`;
  }
}

export async function snapshot(redis: Redis, keys: Keys, platform: Platform, workspace: string): Promise<Snapshot> {
  const tag = `${encodeURIComponent(platform)}:${encodeURIComponent(workspace)}`;
  const own = [
    ...(await scanAll(redis, `${keys.prefix}:{${tag}}:*`)),
    ...(await scanAll(redis, `${keys.prefix}:{${tag}:*`)),
  ];
  const result: Snapshot = new Map();
  for (const key of own.sort()) result.set(key, await valueOfKey(redis, key));
  const due = await redis.zrange(keys.nudgesDue(), 0, -1, "WITHSCORES");
  for (let i = 0; i < due.length; i += 2) {
    const member = due[i] ?? "";
    if (member.includes(`"p":"${platform}"`) && member.includes(`"w":${JSON.stringify(workspace)}`))
      result.set(`due ${member}`, due[i + 1] ?? "");
  }
  return result;
}

/** Keys added, removed or changed between two snapshots. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const all = new Set([...before.keys(), ...after.keys()]);
  return [...all].filter((k) => before.get(k) !== after.get(k));
}

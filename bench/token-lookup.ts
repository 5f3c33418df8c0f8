import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createSlackInstallations } from "../adapters/slack/installations.js";
import { createKeys } from "../src/store/keys.js";
import { connectRedisClient } from "../src/store/redis-client.js";
import { createRedisStore } from "../src/store/redis-store.js";
import { createSealer } from "../src/store/sealed.js";
import { ms, percentile, type Row } from "./stats.js";

/** Workspaces installed for the measurement; lookups go round them so no one value stays hot. */
const WORKSPACES = 200;
const LOOKUPS_PER_ROUND = 2000;

/**
 * What multi-workspace mode adds to every Web API call: finding the workspace's bot token (a Redis GET, an
 * AES-256-GCM open, a zod parse), measured beside the same GET of an unsealed value of the same size, in
 * alternating rounds. Single-workspace mode has the token in memory: no cost at all.
 */
export async function tokenLookupCost(redisUrl: string, prefix: string, rounds: number): Promise<Row[]> {
  const store = createRedisStore(await connectRedisClient({ url: redisUrl, failFast: true }));
  const keys = createKeys(prefix);
  const installations = createSlackInstallations({ store, keys, sealer: createSealer(randomBytes(32)) });
  const team = (i: number) => `T${String(i).padStart(8, "0")}`;
  const plainKey = (i: number) => `${prefix}:plain:${team(i)}`;
  for (let i = 0; i < WORKSPACES; i++) {
    const bot = {
      token: `xoxb-${randomBytes(24).toString("hex")}`,
      id: `B${i}`,
      userId: `U${i}`,
      scopes: ["commands"],
    };
    await installations.storeInstallation({
      team: { id: team(i), name: `Team ${i}` },
      enterprise: undefined,
      user: { id: "UINSTALLER", token: undefined, scopes: undefined },
      bot,
      isEnterpriseInstall: false,
      authVersion: "v2",
    });
    await store.set(plainKey(i), { team: { id: team(i) }, installerUserId: "UINSTALLER", bot });
  }
  const sealed: number[] = [];
  const plain: number[] = [];
  const time = async (into: number[], lookup: (i: number) => Promise<unknown>) => {
    for (let n = 0; n < LOOKUPS_PER_ROUND; n++) {
      const started = performance.now();
      await lookup(n % WORKSPACES);
      into.push(performance.now() - started);
    }
  };
  for (let r = 0; r < rounds; r++) {
    await time(plain, (i) => store.get(plainKey(i), z.unknown()));
    await time(sealed, (i) => installations.botFor(team(i)));
  }
  await store.deleteByPrefix(`${prefix}:`);
  await store.close();
  const row = (p: number, goal: string): Row => ({
    measure: `bot token lookup per Web API call, p${p} (sealed installation / plain GET)`,
    ours: ms(percentile(sealed, p)),
    reference: ms(percentile(plain, p)),
    ratio: `${(percentile(sealed, p) / percentile(plain, p)).toFixed(2)}x`,
    goal,
  });
  return [row(50, "< 1 ms"), row(99, "about the plain GET's")];
}

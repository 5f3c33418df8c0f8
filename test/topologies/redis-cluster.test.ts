import { type Cluster, Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../app/config.js";
import { createApp } from "../../app/create-app.js";
import { connectRedisClient, createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { describeStoreContract } from "../contracts/store.contract.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { quietLogger } from "../flows/harness.js";
import { quarterOnThreeReplicas } from "../nudge/quarter-on-replicas.js";
import { liveEnv } from "../reliability/live-app.js";
import { expectedTeam, levelsShown, optionValue, QUICK, summaryIn } from "../reliability/round-audit.js";
import { slackPeople, until } from "../reliability/slack-people.js";
import { type RedisCluster, startRedisCluster } from "./redis-topologies.js";

/**
 * The app on a real three-master Redis Cluster (started here on loopback): the Store contract, whole rounds over
 * signed HTTP, and where the keys land. Every command the app sends is watched on every node (MONITOR), and
 * every one that names keys must name keys of one slot: a cross-slot command would fail on a real cluster.
 */
let cluster: RedisCluster;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

const clusterNodes = () => cluster.nodes.map((n) => `${n.host}:${n.port}`).join(",");

let contractRun = 0;
describeStoreContract("redis cluster", async () => {
  const client = await connectRedisClient({ clusterNodes: cluster.nodes, failFast: true }, 5000);
  const store = createRedisStore(client);
  // The cluster is thrown away after this file; closing the client is all the cleaning needed.
  return { store, prefix: `contract-${contractRun++}`, cleanup: () => store.close() };
});

interface Seen {
  node: number;
  args: string[];
}

/** Every command each node receives, from MONITOR connections opened now. */
async function watchNodes(ports: number[]): Promise<{ seen: Seen[]; stop: () => void }> {
  const seen: Seen[] = [];
  const monitors = await Promise.all(ports.map((port) => new Redis({ port, host: "127.0.0.1" }).monitor()));
  monitors.forEach((monitor, node) => {
    monitor.on("monitor", (_time: string, args: string[]) => seen.push({ node, args }));
  });
  return {
    seen,
    stop: () => {
      for (const monitor of monitors) monitor.disconnect();
    },
  };
}

/** The slots of the keys each command names (COMMAND GETKEYS, CLUSTER KEYSLOT): one set per keyed command. */
async function slotsPerCommand(
  port: number,
  commands: Seen[],
): Promise<{ args: string[]; keys: number; slots: Set<number> }[]> {
  const redis = new Redis({ port, host: "127.0.0.1" });
  try {
    const keyed = await Promise.all(
      commands.map(async ({ args }) => {
        const keys = (await redis.call("COMMAND", "GETKEYS", ...args).catch(() => [])) as string[];
        const slots = await Promise.all(keys.map((k) => redis.call("CLUSTER", "KEYSLOT", k) as Promise<number>));
        return { args, keys: keys.length, slots: new Set(slots) };
      }),
    );
    return keyed.filter((k) => k.slots.size > 0);
  } finally {
    redis.disconnect();
  }
}

describe("whole rounds over HTTP on a three-master Redis Cluster", () => {
  let api: FakeSlackApi;
  beforeAll(async () => {
    api = await startFakeSlackApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("runs four teams' rounds to their summaries, keys on every node, no command across slots", async () => {
    const watch = await watchNodes(cluster.nodes.map((n) => n.port));
    const app = await createApp({
      config: readConfig({ ...liveEnv("", "cluster", api.apiUrl), REDIS_CLUSTER_NODES: clusterNodes() }),
      logger: quietLogger,
      cron: false,
    });
    const origin = await app.listen(0, "127.0.0.1");
    try {
      // Two workspaces with two team channels each; three people per team, each answering the eight questions.
      const teams = ["T0CLUSTA", "T0CLUSTB"].flatMap((team) => [0, 1].map((c) => ({ team, channel: `C0${team}${c}` })));
      await Promise.all(
        teams.map(async (where, t) => {
          const people = [0, 1, 2].map((p) => `U0${where.team.slice(-1)}${t}${p}`);
          const slack = slackPeople(api, () => `${origin}/slack/events`, where);
          await slack.openRound(people[0] ?? "", people.slice(1));
          const answers = people.map(() => new Map<string, string>());
          for (let q = 1; q <= QUICK.length; q++) {
            await Promise.all(
              people.map(async (person, p) => {
                const pick = (question: number) => ((p + question + t) % 5) + 1;
                await slack.answer(person, pick);
                answers[p]?.set(QUICK[q - 1]?.id ?? "", optionValue(q, pick(q)));
              }),
            );
          }
          const before = api.calls().length;
          await slack.command(people[0] ?? "", "summary");
          const shown = () => summaryIn(api.calls(), where.channel, before);
          await until(() => shown() !== undefined, `the summary of ${where.channel} and its thread`);
          expect(JSON.stringify(shown()?.details.body.blocks)).toContain("3 completed · 0 in progress");
          expect(levelsShown(shown()?.summary)).toEqual(expectedTeam(answers));
        }),
      );
    } finally {
      await app.close();
      watch.stop();
    }

    // Where the app's keys live: every node holds some (hash tags are per team and per workspace).
    const perNode = await Promise.all(
      cluster.nodes.map(async ({ port }) => {
        const redis = new Redis({ port, host: "127.0.0.1" });
        const keys = await redis.keys("cluster:*");
        redis.disconnect();
        return keys.length;
      }),
    );
    const keyed = await slotsPerCommand(cluster.nodes[0]?.port ?? 0, watch.seen);
    const crossSlot = keyed.filter((k) => k.slots.size > 1);
    const multiKey = keyed.filter((k) => k.keys > 1).length;
    console.log(
      `[cluster] keys per node ${perNode.join(" / ")}; keyed commands ${keyed.length} (${multiKey} naming several keys), ` +
        `across slots ${crossSlot.length}`,
    );
    expect(perNode.every((n) => n > 0)).toBe(true);
    expect(keyed.length).toBeGreaterThan(100);
    expect(multiKey).toBeGreaterThan(0);
    expect(crossSlot.map((k) => k.args.slice(0, 4).join(" "))).toEqual([]);
  }, 120_000);
});

describe("nudge claims on a three-master Redis Cluster", () => {
  it("sends every due nudge exactly once over a simulated quarter with three replicas, one dying mid-send", async () => {
    const clients: Cluster[] = [];
    const connect = () => {
      const client = createRedisClient({ clusterNodes: cluster.nodes }) as Cluster;
      clients.push(client);
      return client;
    };
    // Teams in four workspaces: their schedules land on different nodes; the due set is one key (one slot).
    const teams = Array.from({ length: 20 }, (_, i) => ({
      platform: "slack" as const,
      workspace: `T0NUDGE${i % 4}`,
      channel: `C0NUDGE${i}`,
    }));
    try {
      await quarterOnThreeReplicas(connect, "cluster-nudges", teams);
    } finally {
      for (const client of clients) client.disconnect();
    }
  }, 120_000);
});

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "../reliability/own-redis.js";

/**
 * Real Redis topologies on loopback, started by the tests themselves from the redis-server binary (Debian's 7.0
 * here; redis-sentinel is `redis-server --sentinel`): a three-master Cluster, and a master with one replica watched
 * by a Sentinel. Nothing is persisted; every process is stopped and its directory removed afterwards.
 */
export interface HostPort {
  host: string;
  port: number;
}

interface Server {
  port: number;
  process: ChildProcess;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One command on a fresh connection to `port` (for set-up and checks, outside the app's own clients). */
export async function ask(port: number, ...args: string[]): Promise<unknown> {
  const redis = new Redis({
    port,
    host: "127.0.0.1",
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await redis.call(args[0] ?? "PING", ...args.slice(1));
  } finally {
    redis.disconnect();
  }
}

function startServer(dir: string, port: number, args: string[]): Promise<Server> {
  const child = spawn("redis-server", args, { cwd: dir, stdio: "ignore" });
  const failed = new Promise<never>((_, reject) => {
    child.once("error", (error) => reject(new Error(`redis-server could not start: ${error.message}`)));
    child.once("exit", (code) => reject(new Error(`redis-server on ${port} exited with ${code} before answering`)));
  });
  failed.catch(() => {});
  return Promise.race([
    until(`redis-server on ${port}`, async () => (await ask(port, "PING")) === "PONG"),
    failed,
  ]).then(() => ({ port, process: child }));
}

async function stopAll(servers: Server[], dir: string): Promise<void> {
  await Promise.all(
    servers.map(
      ({ process }) =>
        new Promise<void>((resolve) => {
          if (process.exitCode !== null || process.signalCode !== null) return resolve();
          process.once("exit", () => resolve());
          process.kill("SIGKILL");
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}

const base = (port: number) => ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];

export interface RedisCluster {
  nodes: HostPort[];
  stop(): Promise<void>;
}

/** Three masters (no replicas), all 16,384 slots assigned, cluster_state:ok on every node. */
export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), "mlops-assess-cluster-"));
  const servers: Server[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      // The cluster bus port is set explicitly: the default (port + 10000) may be taken or out of range.
      const bus = await freePort();
      servers.push(
        await startServer(dir, port, [
          ...base(port),
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          `nodes-${port}.conf`,
          "--cluster-port",
          String(bus),
          "--cluster-node-timeout",
          "2000",
        ]),
      );
    }
    const created = spawnSync(
      "redis-cli",
      ["--cluster", "create", ...servers.map((s) => `127.0.0.1:${s.port}`), "--cluster-replicas", "0", "--cluster-yes"],
      { encoding: "utf8" },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    for (const { port } of servers) {
      await until(`cluster_state:ok on ${port}`, async () =>
        String(await ask(port, "CLUSTER", "INFO")).includes("cluster_state:ok"),
      );
    }
  } catch (error) {
    await stopAll(servers, dir);
    throw error;
  }
  return {
    nodes: servers.map(({ port }) => ({ host: "127.0.0.1", port })),
    stop: () => stopAll(servers, dir),
  };
}

export interface RedisSentinelSet {
  sentinels: HostPort[];
  name: string;
  masterPort: number;
  replicaPort: number;
  /** SIGKILL the current master, as a crashed host would go; resolves once it is gone. */
  killMaster(): Promise<void>;
  /** The port Sentinel names as master now. */
  currentMaster(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A master, one replica of it, and one Sentinel (quorum 1) that declares the master down after 1 s without an
 * answer and promotes the replica.
 */
export async function startRedisSentinel(name = "mymaster"): Promise<RedisSentinelSet> {
  const dir = mkdtempSync(join(tmpdir(), "mlops-assess-sentinel-"));
  const servers: Server[] = [];
  try {
    const masterPort = await freePort();
    const master = await startServer(dir, masterPort, base(masterPort));
    servers.push(master);
    const replicaPort = await freePort();
    servers.push(
      await startServer(dir, replicaPort, [...base(replicaPort), "--replicaof", "127.0.0.1", String(masterPort)]),
    );
    await until("the replica in sync", async () =>
      String(await ask(replicaPort, "INFO", "replication")).includes("master_link_status:up"),
    );
    const sentinelPort = await freePort();
    // Sentinel rewrites its configuration file as it learns the topology, so it gets one of its own.
    const conf = join(dir, "sentinel.conf");
    writeFileSync(
      conf,
      [
        `port ${sentinelPort}`,
        "bind 127.0.0.1",
        `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 10000`,
        `sentinel parallel-syncs ${name} 1`,
        "",
      ].join("\n"),
    );
    servers.push(await startServer(dir, sentinelPort, [conf, "--sentinel"]));
    const currentMaster = async () => {
      const [, port] = (await ask(sentinelPort, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", name)) as [string, string];
      return Number(port);
    };
    await until("Sentinel to see the replica", async () =>
      String(await ask(sentinelPort, "SENTINEL", "REPLICAS", name)).includes(String(replicaPort)),
    );
    return {
      sentinels: [{ host: "127.0.0.1", port: sentinelPort }],
      name,
      masterPort,
      replicaPort,
      currentMaster,
      killMaster: () =>
        new Promise<void>((resolve) => {
          master.process.once("exit", () => resolve());
          master.process.kill("SIGKILL");
        }),
      stop: () => stopAll(servers, dir),
    };
  } catch (error) {
    await stopAll(servers, dir);
    throw error;
  }
}

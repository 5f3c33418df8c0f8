import { Cluster, Redis, type RedisOptions } from "ioredis";
import { StoreUnavailableError } from "./store.js";

export interface RedisClientOptions {
  url?: string;
  sentinels?: { host: string; port: number }[];
  sentinelName?: string;
  clusterNodes?: { host: string; port: number }[];
  /** The request path: fail fast during an outage instead of queueing past Slack's 3-second ack. */
  failFast?: boolean;
}

/**
 * Reconnect backoff while Redis is away: quick first retries (a blip or failover heals in well under a second),
 * then at most every 2 s, forever: the process must come back by itself when Redis does, not need a restart.
 */
const retryStrategy = (attempt: number) => Math.min(50 * 2 ** attempt, 2000);

/**
 * `redis://` and `rediss://` (TLS) URLs, Sentinel (`sentinels` + `sentinelName`) or Cluster (`clusterNodes`).
 * Always reconnects in the background; `failFast` only changes how long a single command may wait meanwhile.
 */
export function createRedisClient(options: RedisClientOptions): Redis | Cluster {
  const failFast = options.failFast === true;
  const common: RedisOptions = {
    retryStrategy,
    // Offline queue off: while disconnected, commands reject at once (StoreUnavailableError) and the person is
    // asked to retry, instead of the request hanging in a queue until Slack's 3-second ack is long gone.
    enableOfflineQueue: !failFast,
    // One retry covers a blip; more would only stretch an outage past the ack budget. Background jobs keep
    // ioredis' default of 20, since nobody waits on them.
    maxRetriesPerRequest: failFast ? 1 : 20,
    // A black-holed host (no RST, packets dropped) would otherwise hold a connect attempt for 10 s.
    connectTimeout: failFast ? 1000 : 10_000,
    // A connected but stalled Redis answers nothing: the store gives up on a command after 1 s (redis-store.ts,
    // not ioredis' commandTimeout, which takes a busy process for a stalled Redis).
  };
  if (options.clusterNodes) {
    return new Cluster(options.clusterNodes, {
      redisOptions: common,
      // The cluster client has its own queue in front of the node connections; it must fail fast too.
      enableOfflineQueue: !failFast,
      clusterRetryStrategy: retryStrategy,
    });
  }
  if (options.sentinels) {
    return new Redis({ ...common, sentinels: options.sentinels, name: options.sentinelName ?? "mymaster" });
  }
  // ioredis reads rediss:// as "connect with TLS" and takes credentials and db number from the URL.
  return new Redis(options.url ?? "redis://127.0.0.1:6379", common);
}

/**
 * Create the client and wait until it is ready. With the offline queue off, commands sent before the first
 * connection would fail, so start-up waits here (and says clearly when Redis cannot be reached).
 */
export async function connectRedisClient(options: RedisClientOptions, timeoutMs = 5000): Promise<Redis | Cluster> {
  const client = createRedisClient(options);
  if (client.status === "ready") return client;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      client.disconnect();
      reject(
        new StoreUnavailableError(undefined, `Redis did not answer within ${timeoutMs} ms (${describe(options)})`),
      );
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      client.off("ready", onReady);
    };
    client.on("ready", onReady);
  });
  return client;
}

function describe(options: RedisClientOptions): string {
  if (options.clusterNodes) return `cluster ${options.clusterNodes.map((n) => `${n.host}:${n.port}`).join(",")}`;
  if (options.sentinels) return `sentinel ${options.sentinelName ?? "mymaster"}`;
  // Never log credentials that may be part of the URL.
  return (options.url ?? "redis://127.0.0.1:6379").replace(/\/\/[^@/]*@/, "//***@");
}

import { Cluster, Redis, type RedisOptions } from "ioredis";

export interface RedisClientOptions {
  url?: string;
  sentinels?: { host: string; port: number }[];
  sentinelName?: string;
  clusterNodes?: { host: string; port: number }[];
  /** The request path: fail fast during an outage instead of queueing past Slack's 3-second ack. */
  failFast?: boolean;
}

/** Backoff while Redis is away: quick first retries, then at most every 2 s, forever (we never give up). */
const retryStrategy = (attempt: number) => Math.min(50 * 2 ** attempt, 2000);

export function createRedisClient(options: RedisClientOptions): Redis | Cluster {
  const common: RedisOptions = {
    retryStrategy,
    // Offline queue off: while disconnected, commands reject at once and the person is asked to retry,
    // instead of the request hanging until Slack gives up.
    enableOfflineQueue: !options.failFast,
    // One retry covers a blip; more would only stretch an outage past the ack budget.
    maxRetriesPerRequest: options.failFast ? 1 : 20,
    // Bounded connect and command times keep the worst case of one request well under 3 s.
    connectTimeout: options.failFast ? 1000 : 10_000,
    ...(options.failFast ? { commandTimeout: 1000 } : {}),
    lazyConnect: false,
  };
  if (options.clusterNodes) {
    return new Cluster(options.clusterNodes, {
      redisOptions: common,
      enableOfflineQueue: common.enableOfflineQueue ?? true,
      clusterRetryStrategy: retryStrategy,
    });
  }
  if (options.sentinels) {
    return new Redis({ ...common, sentinels: options.sentinels, name: options.sentinelName ?? "mymaster" });
  }
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
      reject(new Error(`Redis did not answer within ${timeoutMs} ms (${describe(options)})`));
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

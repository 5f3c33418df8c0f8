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

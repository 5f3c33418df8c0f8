import type { AddressInfo } from "node:net";
import { createSlackAdapter, SLACK_EVENTS_PATH } from "../adapters/slack/slack-adapter.js";
import { verifySlackClient } from "../adapters/slack/verify-client.js";
import { verifySlackToken } from "../adapters/slack/verify-token.js";
import { TEAMS_MESSAGES_PATH } from "../adapters/teams/messages-path.js";
import { createBot } from "../flows/bot.js";
import { intakePolicy } from "../flows/intake.js";
import { createNudgeRunner, type TickResult } from "../flows/nudge/nudge-runner.js";
import { createPacer } from "../flows/nudge/pacer.js";
import { createDepartures } from "../flows/workspaces/departures.js";
import { CHART_PATH, createChartLinks, HISTORY_CHART_PATH } from "../src/chart/chart-links.js";
import type { Address } from "../src/chat/address.js";
import type { FileMessage, Reply } from "../src/chat/outbound.js";
import {
  type ChatBot,
  type Clock,
  type CredentialCheck,
  DeliveryError,
  type Logger,
  type Notifier,
  systemClock,
} from "../src/chat/ports.js";
import { defaultModel } from "../src/engine/default-model/index.js";
import type { AssessmentModel } from "../src/engine/model-schema.js";
import { loadModelFile } from "../src/model-file.js";
import { createKeys } from "../src/store/keys.js";
import { createMemoryStore } from "../src/store/memory-store.js";
import { connectRedisClient } from "../src/store/redis-client.js";
import { createRedisStore } from "../src/store/redis-store.js";
import type { Store } from "../src/store/store.js";
import { DAY_MS } from "../src/time-units.js";
import { type ChartServer, startChartServer } from "./chart-server.js";
import type { Env } from "./config.js";
import { createDownloads, DOWNLOAD_PATH } from "./downloads.js";
import { flowMetrics } from "./flow-metrics.js";
import { createHttpServer, createMetricsServer, type RequestHandler } from "./http-server.js";
import { createMembership, type MembershipQuestion } from "./membership.js";
import { createMetrics } from "./metrics.js";
import { startNudgeTicker } from "./nudge-ticker.js";
import { startPurgeTicker } from "./purge-ticker.js";
import { createReadiness, type PlatformName } from "./readiness.js";
import { createReassessHook, REASSESS_HOOK_PATH } from "./reassess-hook.js";
import { createSlackInstalls, slackOAuthCredentials } from "./slack-installs.js";
import { withCharts } from "./with-charts.js";

export interface AppDeps {
  config: Env;
  logger: Logger;
  clock?: Clock;
  /** Tests may hand in a store; otherwise Redis from the config, or memory when none is configured. */
  store?: Store;
  /** Run the every-minute nudge tick (off in tests, which call tickNudges themselves). */
  cron?: boolean;
}

export interface RunningApp {
  bot: ChatBot;
  store: Store;
  /** Proactive delivery to any configured platform (what nudges use). */
  notifier: Notifier;
  /** One scheduler tick (what node-cron runs every minute). */
  tickNudges(): Promise<TickResult>;
  /** Delete the data of departed workspaces whose retention window has ended (what node-cron runs every quarter hour). */
  purgeDeparted(): Promise<number>;
  /** Ask every platform about its credentials, then listen; resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

async function storeFor(config: Env, logger: Logger): Promise<Store> {
  const redisOptions = config.REDIS_CLUSTER_NODES
    ? { clusterNodes: config.REDIS_CLUSTER_NODES }
    : config.REDIS_SENTINELS
      ? { sentinels: config.REDIS_SENTINELS, sentinelName: config.REDIS_SENTINEL_NAME ?? "mymaster" }
      : config.REDIS_URL
        ? { url: config.REDIS_URL }
        : undefined;
  if (!redisOptions) {
    logger.warn({}, "no REDIS_URL: using the in-memory store; fine for one replica, data is lost on restart");
    return createMemoryStore();
  }
  const client = await connectRedisClient({ ...redisOptions, failFast: true });
  client.on("error", (error: unknown) => logger.warn({ err: error }, "redis connection problem"));
  return createRedisStore(client);
}

/** The composition root: the only place that sees config, store, flows, adapters and the HTTP server together. */
export async function createApp(deps: AppDeps): Promise<RunningApp> {
  const { config, logger } = deps;
  const metrics = createMetrics();
  const model: AssessmentModel = config.MODEL_FILE ? await loadModelFile(config.MODEL_FILE) : defaultModel;
  const store = deps.store ?? (await storeFor(config, logger));
  const keys = createKeys(config.KEY_PREFIX);
  const clock = deps.clock ?? systemClock;
  // What a chart link needs, here and in the chart thread (CHART_PORT).
  const chartLinkSettings =
    config.PUBLIC_URL && config.CHART_SECRET
      ? {
          publicUrl: config.CHART_PUBLIC_URL ?? config.PUBLIC_URL,
          secret: config.CHART_SECRET,
          ttlMs: config.CHART_LINK_DAYS * DAY_MS,
          levelNames: model.levels.map((l) => l.name),
        }
      : undefined;
  const charts = chartLinkSettings && createChartLinks({ ...chartLinkSettings, clock, logger });
  if (!charts) logger.info({}, "summary charts off: set PUBLIC_URL and CHART_SECRET to post them");
  // Filled in as the adapters are made below; the flows only ask once events arrive.
  const memberships: Partial<Record<Address["platform"], MembershipQuestion>> = {};
  const flows = createBot({
    store,
    keys,
    model,
    clock,
    logger,
    roundDays: config.ROUND_DAYS,
    minRespondentsForSpread: config.MIN_RESPONDENTS_FOR_SPREAD,
    historyRetentionDays: config.HISTORY_RETENTION_DAYS,
    admins: config.ADMIN_USER_IDS,
    events: flowMetrics(metrics),
    membership: createMembership({ store, keys, logger, platforms: memberships }),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
  });
  const downloads = config.PUBLIC_URL
    ? createDownloads({ store, keys, publicUrl: config.PUBLIC_URL, logger })
    : undefined;
  const bot = charts ? withCharts(flows, charts, logger) : flows;

  const departures = createDepartures({
    store,
    keys,
    clock,
    logger,
    retentionDays: config.UNINSTALL_RETENTION_DAYS,
  });
  const routes: Record<string, RequestHandler> = {};
  const notifiers: Partial<Record<Address["platform"], Notifier>> = {};
  const credentialChecks: Partial<Record<PlatformName, () => Promise<CredentialCheck>>> = {};
  let slackIdle = () => Promise.resolve();
  const slackOAuth = slackOAuthCredentials(config);
  const multiWorkspace = slackOAuth && createSlackInstalls(slackOAuth, { config, store, keys, logger, departures });
  const installs = multiWorkspace?.installs;
  if (config.SLACK_SIGNING_SECRET && (config.SLACK_BOT_TOKEN || installs)) {
    const slack = createSlackAdapter({
      signingSecret: config.SLACK_SIGNING_SECRET,
      ...(installs ? { installs } : { botToken: config.SLACK_BOT_TOKEN }),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      ...(config.SLACK_BOT_ID ? { botId: config.SLACK_BOT_ID } : {}),
      ...(config.SLACK_BOT_USER_ID ? { botUserId: config.SLACK_BOT_USER_ID } : {}),
      bot,
      intake: intakePolicy,
      store,
      keys,
      logger,
      clock,
    });
    routes[SLACK_EVENTS_PATH] = slack.handler;
    memberships.slack = (team, userId) => slack.isMember(team.workspace, team.channel, userId);
    notifiers.slack = slack;
    slackIdle = slack.idle;
    const token = config.SLACK_BOT_TOKEN;
    const apiUrl = config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {};
    credentialChecks.Slack = slackOAuth
      ? () => verifySlackClient({ ...slackOAuth, timeoutMs: 5000, logger, ...apiUrl })
      : () => verifySlackToken({ token: token ?? "", timeoutMs: 5000, logger, ...apiUrl });
  }
  if (config.MICROSOFT_APP_ID || config.TEAMS_ENABLED === "true") {
    // Loaded only where Teams is on: botbuilder and its dependencies are about 18 MB of heap that every full
    // garbage collection of a Slack-only replica would otherwise mark again, in the middle of its acks.
    const { createTeamsAdapter } = await import("../adapters/teams/teams-adapter.js");
    const { fetchTeamsToken } = await import("../adapters/teams/verify-credentials.js");
    const teams = createTeamsAdapter({
      ...(config.MICROSOFT_APP_ID ? { appId: config.MICROSOFT_APP_ID } : {}),
      ...(config.MICROSOFT_APP_PASSWORD ? { appPassword: config.MICROSOFT_APP_PASSWORD } : {}),
      ...(config.MICROSOFT_APP_TENANT_ID ? { appTenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
      appType: config.MICROSOFT_APP_TYPE,
      ...(downloads ? { fileLinks: (file: FileMessage) => downloads.linkFor(file) } : {}),
      bot,
      store,
      keys,
      logger,
    });
    routes[TEAMS_MESSAGES_PATH] = teams.handler;
    memberships.teams = (team, userId) => teams.isMember(team.workspace, team.channel, userId);
    notifiers.teams = teams;
    const { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: appPassword, MICROSOFT_APP_TENANT_ID: tenant } = config;
    if (appId && appPassword) {
      const singleTenant = config.MICROSOFT_APP_TYPE === "SingleTenant" && tenant ? { appTenantId: tenant } : {};
      credentialChecks.Teams = () => fetchTeamsToken({ appId, appPassword, timeoutMs: 5000, ...singleTenant });
    }
  }
  logger.info(
    {
      slack: Boolean(routes[SLACK_EVENTS_PATH]),
      teams: Boolean(routes[TEAMS_MESSAGES_PATH]),
      model: `${model.id}@${model.version}`,
    },
    `platforms: Slack ${routes[SLACK_EVENTS_PATH] ? (installs ? "on, multi-workspace (installs at /slack/install)" : "on, one workspace") : "off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, or the SLACK_CLIENT_* set)"}, ` +
      `Teams ${routes[TEAMS_MESSAGES_PATH] ? "on" : "off (set MICROSOFT_APP_ID, or TEAMS_ENABLED=true for local testing)"}`,
  );

  const notifier: Notifier = {
    deliver(address: Address, reply: Reply, userId?: string) {
      const target = notifiers[address.platform];
      if (!target) return Promise.reject(new DeliveryError("unreachable", `${address.platform} is not configured`));
      return target.deliver(address, reply, userId);
    },
  };
  const runner = createNudgeRunner({
    store,
    keys,
    model,
    clock,
    notifier,
    pacer: createPacer(),
    logger,
  });
  const ticker = deps.cron === false ? undefined : startNudgeTicker(() => runner.tick(), { logger, metrics });
  const purgeTicker = deps.cron === false ? undefined : startPurgeTicker(() => departures.purgeDue(), logger);

  const readiness = createReadiness({
    store,
    platforms: credentialChecks,
    logger,
  });
  // Asked now, while the rest starts; listen() waits for the answers (at most START_WAIT_MS).
  const checked = readiness.start();
  const server = createHttpServer({
    readiness: () => readiness.report(),
    metrics,
    ...(config.METRICS_TOKEN && !config.METRICS_PORT ? { metricsToken: config.METRICS_TOKEN } : {}),
    logger,
    routes,
    getRoutes: {
      // With a chart port of its own, this port serves no charts: the crowd fetching them goes there.
      ...(charts && !config.CHART_PORT ? { [CHART_PATH]: charts.handler, [HISTORY_CHART_PATH]: charts.handler } : {}),
      ...(downloads ? { [DOWNLOAD_PATH]: downloads.handler } : {}),
      ...multiWorkspace?.routes,
    },
    prefixRoutes: {
      [REASSESS_HOOK_PATH]: createReassessHook({ store, keys, model, clock, notifier, logger }),
    },
  });
  const metricsServer = config.METRICS_PORT
    ? createMetricsServer({ metrics, logger, ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}) })
    : undefined;
  if (!config.METRICS_PORT && !config.METRICS_TOKEN) {
    logger.info({}, "metrics off: set METRICS_PORT (a port of their own) or METRICS_TOKEN (bearer token on PORT)");
  }
  let chartServer: ChartServer | undefined;
  const listenOn = (target: typeof server, port: number, host: string) =>
    new Promise<number>((resolve) => target.listen(port, host, () => resolve((target.address() as AddressInfo).port)));
  return {
    bot,
    store,
    notifier,
    tickNudges: () => runner.tick(),
    purgeDeparted: () => departures.purgeDue(),
    async listen(port, host = "0.0.0.0") {
      await checked;
      if (metricsServer && config.METRICS_PORT) {
        logger.info({ port: await listenOn(metricsServer, config.METRICS_PORT, host) }, "metrics listening");
      }
      if (config.CHART_PORT && chartLinkSettings) {
        const thread = { port: config.CHART_PORT, host, logLevel: config.LOG_LEVEL };
        const chartThread = await startChartServer({ ...chartLinkSettings, ...thread }, logger);
        metrics.include(() => chartThread.metrics());
        chartServer = chartThread;
      }
      const bound = await listenOn(server, port, host);
      logger.info({ port: bound }, "listening");
      return `http://127.0.0.1:${bound}`;
    },
    async close() {
      // Stop the tick, stop taking requests, let those in flight finish, then release Redis.
      readiness.stop();
      await ticker?.stop();
      await purgeTicker?.stop();
      if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await chartServer?.close();
      // Acknowledged requests may still be answering; their writes need Redis.
      await slackIdle();
      await store.close();
    },
  };
}

import { boltLogger } from "../adapters/slack/bolt-logger.js";
import { createSlackOAuth } from "../adapters/slack/install-routes.js";
import { createSlackInstallations } from "../adapters/slack/installations.js";
import type { SlackInstalls } from "../adapters/slack/slack-adapter.js";
import type { Departures } from "../flows/workspaces/departures.js";
import type { Logger } from "../src/chat/ports.js";
import type { Keys } from "../src/store/keys.js";
import { createSealer } from "../src/store/sealed.js";
import type { Store } from "../src/store/store.js";
import type { Env } from "./config.js";
import type { RequestHandler } from "./http-server.js";

export interface SlackOAuthCredentials {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationKey: Buffer;
}

/** Multi-workspace mode is on when the whole OAuth set is configured (config.ts refuses half a set). */
export function slackOAuthCredentials(config: Env): SlackOAuthCredentials | undefined {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret } = config;
  const { SLACK_STATE_SECRET: stateSecret, SLACK_INSTALLATION_KEY: installationKey } = config;
  return clientId && clientSecret && stateSecret && installationKey
    ? { clientId, clientSecret, stateSecret, installationKey }
    : undefined;
}

/**
 * Slack's multi-workspace wiring: sealed installations in the store, Bolt's install routes, and what an install
 * or an uninstall means for a workspace's data (flows/workspaces/departures.ts).
 */
export function createSlackInstalls(
  credentials: SlackOAuthCredentials,
  deps: { config: Env; store: Store; keys: Keys; logger: Logger; departures: Departures },
): { installs: SlackInstalls; routes: Record<string, RequestHandler> } {
  const { config, store, keys, logger, departures } = deps;
  const installations = createSlackInstallations({ store, keys, sealer: createSealer(credentials.installationKey) });
  const each = async (
    workspaces: string[],
    act: (ws: { platform: "slack"; workspace: string }) => Promise<unknown>,
  ) => {
    for (const workspace of workspaces) await act({ platform: "slack", workspace });
  };
  const oauth = createSlackOAuth({
    ...credentials,
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    installations,
    store,
    keys,
    logger,
    boltLogger: boltLogger(logger),
    onInstalled: (workspaces) => each(workspaces, departures.returned),
  });
  return {
    installs: {
      installations,
      installer: oauth.installer,
      onUninstalled: (workspaces) => each(workspaces, departures.depart),
    },
    routes: oauth.routes,
  };
}

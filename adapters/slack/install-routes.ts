import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger as BoltLogger } from "@slack/bolt";
import { type Installation, InstallProvider } from "@slack/oauth";
import type { Logger } from "../../src/chat/ports.js";
import type { Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { installedPage, installFailedPage, installUnavailablePage } from "./install-pages.js";
import type { SlackInstallations } from "./installations.js";
import { createSingleUseStateStore, STATE_TTL_SECONDS } from "./oauth-state.js";
import { SLACK_BOT_SCOPES } from "./scopes.js";

export const SLACK_INSTALL_PATH = "/slack/install";
export const SLACK_OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Web API base URL (oauth.v2.access and auth.test go there); default https://slack.com/api/. */
  apiUrl?: string;
  /** The app's public address: the redirect URL sent to Slack. Without it Slack uses the app's configured one. */
  publicUrl?: string;
  installations: SlackInstallations;
  store: Store;
  keys: Keys;
  logger: Logger;
  boltLogger: BoltLogger;
  /** Called once an installation is stored, with the workspaces it serves (a reinstall brings their data back). */
  onInstalled(workspaces: string[]): Promise<void>;
}

export interface SlackOAuth {
  /** Bolt's installer: its authorize() finds each request's installation. */
  installer: InstallProvider;
  /** GET routes: the install link and Slack's redirect back. */
  routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
}

/**
 * Multi-workspace installs with Bolt's own InstallProvider: GET /slack/install redirects to Slack's authorize URL
 * (client_id, the bot scopes, a signed single-use state, and Bolt's state cookie for this browser);
 * GET /slack/oauth_redirect checks the state, exchanges the code with oauth.v2.access, stores the installation
 * (sealed, in the Store) and shows what to do next, or a page that says why not.
 */
export function createSlackOAuth(config: SlackOAuthConfig): SlackOAuth {
  const { installations, logger } = config;
  const installer = new InstallProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    installationStore: installations,
    stateStore: createSingleUseStateStore({ secret: config.stateSecret, store: config.store, keys: config.keys }),
    stateCookieExpirationSeconds: STATE_TTL_SECONDS,
    directInstall: true,
    installUrlOptions: {
      scopes: SLACK_BOT_SCOPES,
      ...(config.publicUrl ? { redirectUri: new URL(SLACK_OAUTH_REDIRECT_PATH, config.publicUrl).href } : {}),
    },
    logger: config.boltLogger,
    clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {},
  });

  async function installed(installation: Installation, res: ServerResponse): Promise<void> {
    const query = {
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    };
    logger.info({ ...query, installer: installation.user.id }, "slack app installed");
    await config.onInstalled(await installations.workspacesOf(query));
    installedPage(res, installation);
  }

  const install = (req: IncomingMessage, res: ServerResponse) => {
    installer.handleInstallPath(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "slack install link failed");
      if (!res.headersSent) installUnavailablePage(res);
    });
  };
  const redirect = (req: IncomingMessage, res: ServerResponse) => {
    installer
      .handleCallback(req, res, {
        successAsync: (installation, _options, _req, response) => installed(installation, response),
        failure: (error, _options, _req, response) => {
          logger.warn({ code: error.code, reason: error.message }, "slack install refused");
          installFailedPage(response, error.code);
        },
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "slack install callback failed");
        if (!res.headersSent) installUnavailablePage(res);
      });
  };
  return { installer, routes: { [SLACK_INSTALL_PATH]: install, [SLACK_OAUTH_REDIRECT_PATH]: redirect } };
}

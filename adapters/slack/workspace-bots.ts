import type { Authorize, AuthorizeSourceData } from "@slack/bolt";
import type { InstallProvider } from "@slack/oauth";
import { NotInstalledError, type SlackInstallations } from "./installations.js";

/**
 * Which bot speaks for a workspace. Single-workspace mode: the one configured token, whatever the workspace.
 * Multi-workspace mode: the workspace's installation (its own, or its Enterprise Grid org's), read on every use,
 * so an uninstall takes effect at once on every replica.
 */
export interface WorkspaceBots {
  /** Bolt's authorize: the bot of the workspace an incoming request belongs to. */
  authorize: Authorize<boolean>;
  /** The bot token for Web API calls made for a workspace (replies and nudges). Throws NotInstalledError. */
  tokenFor(workspace: string): Promise<string>;
}

export function singleWorkspaceBot(bot: { token: string; botId?: string; botUserId?: string }): WorkspaceBots {
  // The bot's identity is configuration: no auth.test at start-up, and no Slack call at all before the ack.
  const result = { botToken: bot.token, botId: bot.botId, botUserId: bot.botUserId };
  return { authorize: async () => result, tokenFor: async () => bot.token };
}

export function installedBots(deps: { installations: SlackInstallations; installer: InstallProvider }): WorkspaceBots {
  const { installations, installer } = deps;
  return {
    async authorize(source: AuthorizeSourceData<boolean>) {
      const result = await installer.authorize(source);
      // Nudges know only the workspace: remember which org-wide installation serves it.
      if (source.isEnterpriseInstall && source.enterpriseId && source.teamId) {
        await installations.linkToOrg(source.teamId, source.enterpriseId);
      }
      return result;
    },
    async tokenFor(workspace) {
      const bot = await installations.botFor(workspace);
      if (!bot) throw new NotInstalledError(`slack workspace ${workspace} has no installation`);
      return bot.token;
    },
  };
}

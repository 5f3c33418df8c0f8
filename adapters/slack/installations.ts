import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import { z } from "zod";
import { CodedError } from "../../src/errors.js";
import type { Keys } from "../../src/store/keys.js";
import { type Sealer, sealedSchema } from "../../src/store/sealed.js";
import type { Store } from "../../src/store/store.js";

/**
 * Multi-workspace mode's installations, behind the Store port: one per workspace, or one per Enterprise Grid
 * organisation for an org-wide install. Each is sealed whole (src/store/sealed.ts), so the bot token is never
 * in Redis in the clear. This is the InstallationStore Bolt's InstallProvider writes on install and reads in
 * authorize(); the adapter reads it too, for the token of a proactive post (nudges).
 */
const idName = z.object({ id: z.string().min(1), name: z.string().optional() });
export const installationRecord = z.object({
  team: idName.optional(),
  enterprise: idName.optional(),
  isEnterpriseInstall: z.boolean(),
  appId: z.string().optional(),
  /** Who installed the app (the person who clicked Allow). */
  installerUserId: z.string(),
  bot: z.object({ token: z.string().min(1), id: z.string(), userId: z.string(), scopes: z.array(z.string()) }),
});
export type InstallationRecord = z.infer<typeof installationRecord>;

export interface BotIdentity {
  token: string;
  botId: string;
  botUserId: string;
}

export interface SlackInstallations extends InstallationStore {
  /** The bot serving a workspace: its own installation, else the org-wide one it was seen under. */
  botFor(workspace: string): Promise<BotIdentity | undefined>;
  /** Remember that an org-wide installation serves this workspace (learnt from its events). */
  linkToOrg(workspace: string, enterpriseId: string): Promise<void>;
  /** Delete an installation (workspace or org-wide): its token is used no more, on any replica. */
  remove(query: InstallQuery): Promise<void>;
  /** The workspaces an installation serves: the workspace itself, or every one seen under the org. */
  workspacesOf(query: InstallQuery): Promise<string[]>;
}

/** What identifies an installation: Bolt's InstallationQuery, loosened to what events and the callback carry. */
export interface InstallQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** No installation for the query: the workspace never installed the app, or uninstalled it. */
export class NotInstalledError extends CodedError {
  readonly code = "slack_not_installed";
}

export function createSlackInstallations(deps: { store: Store; keys: Keys; sealer: Sealer }): SlackInstallations {
  const { store, keys, sealer } = deps;

  const keyOf = (query: InstallQuery): string => {
    if (query.isEnterpriseInstall && query.enterpriseId) return keys.slackOrgInstallation(query.enterpriseId);
    if (query.teamId) return keys.slackInstallation(query.teamId);
    throw new NotInstalledError("an installation query needs a team or an org-wide enterprise");
  };

  async function read(key: string): Promise<InstallationRecord | undefined> {
    const sealed = await store.get(key, sealedSchema);
    return sealed ? installationRecord.parse(JSON.parse(sealer.open(key, sealed))) : undefined;
  }

  /** The workspace's own installation, else the org-wide one: Bolt asks by team even inside an org install. */
  async function find(query: InstallQuery): Promise<InstallationRecord | undefined> {
    const own = await read(keyOf(query));
    if (own || !query.enterpriseId || query.isEnterpriseInstall) return own;
    return read(keys.slackOrgInstallation(query.enterpriseId));
  }

  const remove = (query: InstallQuery) => store.delete(keyOf(query));

  const asBolt = (r: InstallationRecord): Installation<"v2", boolean> => ({
    team: r.team,
    enterprise: r.enterprise,
    isEnterpriseInstall: r.isEnterpriseInstall,
    ...(r.appId ? { appId: r.appId } : {}),
    user: { id: r.installerUserId, token: undefined, scopes: undefined },
    bot: r.bot,
    tokenType: "bot",
    authVersion: "v2",
  });

  return {
    async storeInstallation(installation) {
      if (!installation.bot) throw new NotInstalledError("an installation without a bot token cannot serve anyone");
      const record: InstallationRecord = {
        ...(installation.team ? { team: installation.team } : {}),
        ...(installation.enterprise ? { enterprise: installation.enterprise } : {}),
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        ...(installation.appId ? { appId: installation.appId } : {}),
        installerUserId: installation.user.id,
        bot: {
          token: installation.bot.token,
          id: installation.bot.id,
          userId: installation.bot.userId,
          scopes: installation.bot.scopes,
        },
      };
      const key = keyOf({
        teamId: record.team?.id,
        enterpriseId: record.enterprise?.id,
        isEnterpriseInstall: record.isEnterpriseInstall,
      });
      await store.set(key, sealer.seal(key, JSON.stringify(record)));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await find(query);
      if (!found) throw new NotInstalledError(`no installation for ${JSON.stringify(query)}`);
      return asBolt(found);
    },
    deleteInstallation: (query: InstallationQuery<boolean>) => remove(query),
    remove,
    async botFor(workspace) {
      // The workspace's own installation first (one read); the org link only for workspaces without one.
      const own = await read(keys.slackInstallation(workspace));
      const org = own ? undefined : await store.get(keys.workspaceOrg({ platform: "slack", workspace }), z.string());
      const found = own ?? (org ? await read(keys.slackOrgInstallation(org)) : undefined);
      return found && { token: found.bot.token, botId: found.bot.id, botUserId: found.bot.userId };
    },
    async linkToOrg(workspace, enterpriseId) {
      const link = keys.workspaceOrg({ platform: "slack", workspace });
      // Every event of an org-wide install passes here: write only what is new.
      if ((await store.get(link, z.string())) === enterpriseId) return;
      await store.set(link, enterpriseId);
      await store.addToSet(keys.slackOrgWorkspaces(enterpriseId), [workspace]);
    },
    async workspacesOf(query) {
      if (query.isEnterpriseInstall && query.enterpriseId)
        return store.setMembers(keys.slackOrgWorkspaces(query.enterpriseId));
      return query.teamId ? [query.teamId] : [];
    },
  };
}

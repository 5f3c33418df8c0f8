import type { Logger as BoltLogger } from "@slack/bolt";
import { createSlackApi, type SlackApi } from "./slack-api.js";
import type { WorkspaceBots } from "./workspace-bots.js";

/** Clients kept for reuse (one per token, each with its keep-alive pool); the oldest goes past this many. */
const MAX_CLIENTS = 500;

/**
 * The Web API as the bot of a given workspace: the token is looked up on every call (so an uninstall stops the
 * very next post), the client behind it is reused per token.
 */
export function createWorkspaceApis(options: {
  bots: WorkspaceBots;
  logger: BoltLogger;
  apiUrl?: string;
  retries?: number;
}): (workspace: string) => Promise<SlackApi> {
  const clients = new Map<string, SlackApi>();
  return async (workspace) => {
    const token = await options.bots.tokenFor(workspace);
    const known = clients.get(token);
    if (known) return known;
    const oldest = clients.keys().next();
    if (clients.size >= MAX_CLIENTS && !oldest.done) clients.delete(oldest.value);
    const api = createSlackApi({
      token,
      logger: options.logger,
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      ...(options.retries === undefined ? {} : { retries: options.retries }),
    });
    clients.set(token, api);
    return api;
  };
}

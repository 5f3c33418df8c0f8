import { join } from "node:path";
import { COMMANDS } from "../../flows/commands/registry.js";

/**
 * The parts of the two app manifests that come from the command registry: Slack's usage hint and Teams' command
 * lists. `npm run manifests` writes them; test/flows/command-registry.test.ts fails when a manifest is behind.
 */
const root = join(import.meta.dirname, "..", "..");
export const SLACK_MANIFEST = join(root, "manifest.json");
export const TEAMS_MANIFEST = join(root, "scripts", "teams-package", "manifest.json");

const suggested = COMMANDS.filter((c) => c.suggestion);

/** What Slack shows beside the slash command while people type: the commands worth suggesting, with their words. */
export function slackUsageHint(): string {
  return suggested.map((c) => `[${c.usage.replace(/[[\]]/g, "")}]`).join(" ");
}

export interface TeamsCommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}

/** Teams' command menus: one for a person's chat with the bot, one for team channels and group chats. */
export function teamsCommandLists(): TeamsCommandList[] {
  const list = (scopes: string[], where: "inPersonal" | "inTeam"): TeamsCommandList => ({
    scopes,
    commands: suggested.flatMap((c) => {
      const description = c.suggestion?.[where];
      return c.suggestion && description ? [{ title: c.suggestion.example, description }] : [];
    }),
  });
  return [list(["personal"], "inPersonal"), list(["team", "groupChat"], "inTeam")];
}

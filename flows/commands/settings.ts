import { command } from "../../src/chat/command-words.js";
import { teamScope } from "../context.js";
import { problem } from "../replies.js";
import { settingsForm } from "../settings/settings-form.js";
import { ANYONE, defineCommand } from "./command.js";

/**
 * `settings`: the team's reminder schedule, target and privacy in one form. Anyone may look; saving runs the typed
 * commands (schedule, target, privacy) through the registry, so the same people may change the same things.
 */
export const settings = defineCommand<Record<string, never>>({
  name: "settings",
  aliases: [],
  usage: "settings",
  help: "this team's schedule, target and privacy in one form",
  suggestion: { example: "settings", inTeam: "Schedule, target and privacy in one form" },
  parse: () => ({}),
  permission: () => ANYONE,
  readsOnly: true,
  async run(ctx, { address, user }) {
    if (address.isDirect)
      return [
        problem(
          "not_a_team",
          "Settings belong to a team, and this is a direct conversation.",
          `Open them in the team's channel with ${command("settings")}.`,
        ),
      ];
    const form = await settingsForm(ctx, teamScope(address, address.channel), user.timeZone ?? "UTC");
    return [{ message: form, delivery: { to: "private" } }];
  },
});

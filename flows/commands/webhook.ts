import { command } from "../../src/chat/command-words.js";
import { teamScope } from "../context.js";
import { githubSecretOf } from "../hooks/webhook-repo.js";
import { privately, problem, toChannel } from "../replies.js";
import { defineCommand } from "./command.js";

type WebhookArgs = { kind: "show" | "rotate" | "off" } | { kind: "invalid" };

/** The path the app serves webhooks on; the token follows it. */
export const REASSESS_HOOK_PATH = "/hooks/reassess/";

/**
 * `webhook [rotate|off]`: a URL that asks this team to re-check a dimension when something happens (a release, an
 * incident). The token is shown once, privately, and stored only as a hash: `webhook` again says one exists.
 */
export const webhook = defineCommand<WebhookArgs>({
  name: "webhook",
  aliases: [],
  usage: "webhook [rotate|off]",
  help: "a URL your CI or incident tool calls to ask this team for a re-check (opener or admin)",
  parse: ({ args }) => {
    const word = args[0]?.toLowerCase();
    if (word === undefined) return { kind: "show" };
    return word === "rotate" || word === "off" ? { kind: word } : { kind: "invalid" };
  },
  permission: (args) =>
    args.kind === "invalid" ? { who: "anyone" } : { who: "manager", to: "set up this team's re-check webhook" },
  async run(ctx, { address, user }, args) {
    if (args.kind === "invalid")
      return [
        problem(
          "invalid_webhook_option",
          "The webhook command takes rotate or off, or nothing.",
          `Try ${command("webhook")}, ${command("webhook rotate")} or ${command("webhook off")}.`,
        ),
      ];
    if (address.isDirect)
      return [
        problem(
          "not_a_team",
          "Webhooks belong to a team, and this is a direct conversation.",
          `Set one up in the team's channel with ${command("webhook")}.`,
        ),
      ];
    if (!ctx.publicUrl) {
      // The setting's name is in the README and the startup log, for whoever runs the bot; people get words.
      return [
        problem(
          "no_public_address",
          "Webhooks are not set up for this app yet: it has no public web address.",
          "Ask whoever runs this bot to give it one.",
        ),
      ];
    }
    const team = teamScope(address, address.channel);
    if (args.kind === "off") {
      const removed = await ctx.webhooks.remove(team);
      return [
        removed ? toChannel("The re-check webhook of this channel is off.") : privately("This channel has no webhook."),
      ];
    }
    if (args.kind === "show" && (await ctx.webhooks.exists(team))) {
      return [
        privately("This channel has a re-check webhook. Its address was shown once, when it was made.", [
          `${command("webhook rotate")} makes a new one (the old address stops working); ${command("webhook off")} removes it.`,
        ]),
      ];
    }
    const token = await ctx.webhooks.issue(team, user.id, ctx.clock());
    const url = `${ctx.publicUrl.replace(/\/$/, "")}${REASSESS_HOOK_PATH}${token}`;
    return [
      privately(
        `Re-check webhook for this channel${args.kind === "rotate" ? " (the old address no longer works)" : ""}:`,
        [
          url,
          `curl -X POST ${url} -H 'content-type: application/json' -d '{"dimension": "Deployment & release", "reason": "Rolled out v2.3", "url": "https://example.com/runs/42"}'`,
          "dimension is an id or a name (none: the quick assessment); reason up to 200 characters; url optional.",
          `GitHub: add the URL as a webhook (content type application/json) with the secret ${githubSecretOf(token)}; release and deployment_status events ask for a Deployment & release re-check.`,
          "This address is shown only now: keep it like a password.",
        ],
      ),
    ];
  },
});

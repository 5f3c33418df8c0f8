import { command } from "../../src/chat/command-words.js";
import { actionCard } from "../actions/action-messages.js";
import { teamScope } from "../context.js";
import { privately } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";

/** More than this many open actions is a backlog, not a plan: the list says how many more there are. */
const SHOWN = 10;

/** `actions`: the team's open actions, each with Done / Drop / Change. */
export const actions = defineCommand<Record<string, never>>({
  name: "actions",
  aliases: ["todo"],
  usage: "actions",
  help: `the team's open actions (next steps adopted from the summary), with Done / Drop / Change`,
  suggestion: { example: "actions", inTeam: "The team's open actions, with Done / Drop / Change" },
  parse: () => ({}),
  permission: () => ANYONE,
  readsOnly: true,
  async run(ctx, { address }) {
    const open = await ctx.actions.open(teamScope(address, address.channel));
    if (open.length === 0) {
      return [privately(`No open actions. Adopt a next step from the team summary (${command("summary")}).`)];
    }
    const more = open.length > SHOWN ? [`…and ${open.length - SHOWN} more.`] : [];
    return [
      privately(`Open actions (${open.length}):`, more),
      ...open.slice(0, SHOWN).map((a) => actionCard(a, address.channel)),
    ];
  },
});

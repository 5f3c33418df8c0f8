import type { ButtonAction } from "../../src/chat/actions.js";
import { command } from "../../src/chat/command-words.js";
import type { Reply } from "../../src/chat/outbound.js";
import { personName } from "../../src/chat/person-name.js";
import { DAY_MS } from "../../src/time-units.js";
import { type CommandEvent, channelAddress, type FlowContext, teamScope } from "../context.js";
import { notice, privately, problem } from "../replies.js";
import { actionForm } from "./action-form.js";
import { actionGone, actionLine, ownerName } from "./action-messages.js";
import { DEFAULT_DUE_DAYS } from "./action-state.js";

type Click<A extends ButtonAction["a"]> = Extract<ButtonAction, { a: A }>;

const STATE_TEXT = { done: "done", dropped: "dropped", open: "still on it" } as const;

/** "Adopt" on a next step: the clicker owns it, due in 30 days, open. Only from the team's own channel. */
export async function adoptStep(ctx: FlowContext, event: CommandEvent, click: Click<"adopt">): Promise<Reply[]> {
  const practice = ctx.model.deep.find((p) => p.id === click.p);
  if (!practice)
    return [
      problem(
        "step_gone",
        "That next step is not in the current questionnaire any more.",
        `Post a fresh summary with ${command("summary")}.`,
      ),
    ];
  const now = ctx.clock();
  const { action, created } = await ctx.actions.adopt(teamScope(event.address, click.c), {
    practiceId: practice.id,
    title: practice.title,
    dimension: practice.dimension,
    owner: { id: event.user.id, ...(event.user.name ? { name: event.user.name } : {}) },
    due: new Date(now.getTime() + DEFAULT_DUE_DAYS * DAY_MS).toISOString().slice(0, 10),
    adoptedAt: now.toISOString(),
  });
  if (!created) return [privately(`The team already has this action: ${actionLine(action)}.`)];
  return [
    {
      message: {
        kind: "notice",
        text: `${ownerName(action, "Someone")} adopted "${action.title}" as a team action, due ${action.due}.`,
        lines: [`${command("actions")} lists the team's open actions; I'll ask about it at the next reminder.`],
        buttons: [{ label: "Change owner or date", action: { a: "change", c: click.c, i: action.id } }],
      },
      delivery: { to: "channel" },
    },
  ];
}

/** Done / Dropped / Still on it, from the `actions` list or the owner's follow-up (a private chat). */
export async function moveAction(ctx: FlowContext, event: CommandEvent, click: Click<"act">): Promise<Reply[]> {
  const team = teamScope(event.address, click.c);
  const action = await ctx.actions.setState(team, click.i, click.s, ctx.clock());
  if (!action) return [actionGone()];
  const who = personName(event.user, "Someone");
  if (click.s === "open") {
    return [notice(`"${action.title}": still on it. I'll ask again at the next reminder.`, { to: "replace" })];
  }
  const moved = notice(`"${action.title}": ${STATE_TEXT[click.s]}.`, { to: "replace" });
  // Clicked in the owner's private chat (the follow-up): the team hears about it in its channel.
  if (event.address.channel === click.c) return [moved];
  const channel = channelAddress(event.address, click.c);
  return [
    moved,
    notice(`${who} marked "${action.title}" ${STATE_TEXT[click.s]}.`, { to: "channel", address: channel }),
  ];
}

/** "Change": the form with the action's owner and due date. */
export async function changeAction(ctx: FlowContext, event: CommandEvent, click: Click<"change">): Promise<Reply[]> {
  const team = teamScope(event.address, click.c);
  const action = await ctx.actions.get(team, click.i);
  if (!action) return [actionGone()];
  return [await actionForm(ctx, team, action, event.user)];
}

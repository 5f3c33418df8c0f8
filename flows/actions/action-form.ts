import { z } from "zod";
import type { ChatUser, TeamScope } from "../../src/chat/address.js";
import type { FormMessage } from "../../src/chat/forms.js";
import type { Reply } from "../../src/chat/outbound.js";
import { personName } from "../../src/chat/person-name.js";
import type { CommandEvent, FlowContext } from "../context.js";
import { privately } from "../replies.js";
import { actionGone, ownerName } from "./action-messages.js";
import type { TeamAction } from "./action-state.js";

/**
 * People the owner can be given to: the current owner, the person changing it, and whoever answered the latest
 * round. Slack shows its own people picker instead; Teams offers bots none, so this list is what its card shows.
 */
async function candidates(ctx: FlowContext, team: TeamScope, action: TeamAction, user: ChatUser) {
  const people = new Map<string, string>([
    [action.owner.id, ownerName(action)],
    [user.id, personName(user, "You")],
  ]);
  const round = await ctx.repo.latestRound(team);
  if (round) {
    for (const r of await ctx.repo.responses(team, round.id)) {
      if (!people.has(r.userId)) people.set(r.userId, personName({ id: r.userId, name: r.state.userName }));
    }
  }
  return [...people].slice(0, 100).map(([value, label]) => ({ value, label: label.slice(0, 75) }));
}

function form(action: TeamAction, team: TeamScope, options: { value: string; label: string }[]): FormMessage {
  return {
    kind: "form",
    id: { f: "action", c: team.channel, i: action.id },
    title: "Change action",
    submitLabel: "Save",
    text: action.title,
    fields: [
      { type: "person", id: "owner", label: "Owner", value: action.owner.id, options },
      { type: "date", id: "due", label: "Due", value: action.due },
    ],
  };
}

/** The form that changes an action's owner and due date, pre-filled. */
export async function actionForm(
  ctx: FlowContext,
  team: TeamScope,
  action: TeamAction,
  user: ChatUser,
): Promise<Reply> {
  return { message: form(action, team, await candidates(ctx, team, action, user)), delivery: { to: "private" } };
}

const submission = z.object({
  owner: z.string().min(1, "Pick an owner").max(128),
  due: z.iso.date("Pick a date"),
});

/** A submitted change: checked with zod (errors next to the field), then saved; the team hears who owns it now. */
export async function submitActionForm(
  ctx: FlowContext,
  event: CommandEvent,
  team: TeamScope,
  actionId: string,
  values: Record<string, string>,
): Promise<Reply[]> {
  const action = await ctx.actions.get(team, actionId);
  if (!action) return [actionGone()];
  const options = await candidates(ctx, team, action, event.user);
  const parsed = submission.safeParse(values);
  const today = ctx.clock().toISOString().slice(0, 10);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] = issue.message;
  } else if (parsed.data.due < today) {
    errors.due = "Pick today or a later day";
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return [
      { message: { kind: "form-errors", errors, form: form(action, team, options) }, delivery: { to: "replace" } },
    ];
  }
  const { owner, due } = parsed.data;
  const name = options.find((o) => o.value === owner)?.label;
  const changed = await ctx.actions.reassign(team, actionId, { id: owner, ...(name ? { name } : {}) }, due);
  if (!changed) return [actionGone()];
  return [privately(`"${changed.title}" is now ${ownerName(changed)}'s, due ${changed.due}.`)];
}

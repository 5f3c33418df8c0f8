import { decodeAction } from "../../src/chat/actions.js";
import type { Address, ChatUser } from "../../src/chat/address.js";
import { type InboundEvent, inboundEventSchema } from "../../src/chat/inbound.js";
import { ACTION_ID_PREFIX } from "./render-elements.js";
import {
  appHomeOpenedEvent,
  type BlockActionsPayload,
  blockActionsPayload,
  commandPayload,
  directMessageEvent,
  eventCallbackPayload,
} from "./schema.js";

const TEXT_MAX = 4000;

const unsupported = (reason: string, raw: unknown): InboundEvent => ({ kind: "unsupported", reason, raw });

/** Slack ids: `D…` is a direct message; workspaces are `team_id` even on Enterprise Grid installs. */
const address = (workspace: string, channel: string, thread?: string, isDirect = channel.startsWith("D")): Address => ({
  platform: "slack",
  workspace,
  channel,
  ...(thread ? { thread } : {}),
  isDirect,
});

const user = (id: string, name: string | undefined): ChatUser => ({ id, ...(name ? { name } : {}) });

/**
 * A Slack payload (as Bolt parsed it) as exactly one InboundEvent. Never throws: anything that is not one of ours
 * (other action ids, buttons whose value does not decode, events we do not subscribe to, bot messages) becomes
 * `unsupported` with a reason for the log.
 */
export function parseSlackPayload(body: unknown): InboundEvent {
  try {
    const event = parse(body);
    // The neutral schema has limits of its own (id lengths); an event that breaks them is not ours either.
    const checked = inboundEventSchema.safeParse(event);
    return checked.success ? checked.data : unsupported(`invalid ${event.kind} event: ${checked.error.message}`, body);
  } catch (error) {
    return unsupported(`unparsable payload: ${error instanceof Error ? error.message : String(error)}`, body);
  }
}

function parse(body: unknown): InboundEvent {
  const command = commandPayload.safeParse(body);
  if (command.success) {
    const c = command.data;
    return {
      kind: "command",
      text: c.text.slice(0, TEXT_MAX),
      address: address(c.team_id, c.channel_id),
      user: user(c.user_id, c.user_name),
      raw: body,
    };
  }
  const click = blockActionsPayload.safeParse(body);
  if (click.success) return parseClick(click.data, body);

  const callback = eventCallbackPayload.safeParse(body);
  if (callback.success) {
    const { team_id: workspace, event } = callback.data;
    const home = appHomeOpenedEvent.safeParse(event);
    if (home.success) {
      return {
        kind: "home",
        address: address(workspace, home.data.channel, undefined, true),
        user: user(home.data.user, undefined),
        raw: body,
      };
    }
    const dm = directMessageEvent.safeParse(event);
    if (dm.success) {
      if (dm.data.subtype !== undefined || dm.data.bot_id !== undefined)
        return unsupported("bot message or message subtype", body);
      return {
        kind: "text",
        text: dm.data.text.slice(0, TEXT_MAX),
        address: address(workspace, dm.data.channel, dm.data.thread_ts, true),
        user: user(dm.data.user, undefined),
        raw: body,
      };
    }
    return unsupported(`event ${event.type} not handled`, body);
  }
  const type = typeof body === "object" && body !== null && "type" in body ? String(body.type) : "unknown";
  return unsupported(`payload type ${type} not handled`, body);
}

function parseClick(p: BlockActionsPayload, body: unknown): InboundEvent {
  const [clicked] = p.actions;
  if (clicked?.type !== "button" || !clicked.action_id.startsWith(ACTION_ID_PREFIX)) {
    return unsupported(`action ${clicked?.action_id ?? "(none)"} is not ours`, body);
  }
  const workspace = p.team?.id ?? p.user.team_id;
  if (!workspace) return unsupported("block_actions without a team", body);
  // A click in the Home tab has no channel: the person's id stands for their DM with the app (Slack posts there).
  const where =
    p.container.type === "message"
      ? address(workspace, p.container.channel_id, p.container.thread_ts)
      : address(workspace, p.user.id, undefined, true);
  const who = user(p.user.id, p.user.name ?? p.user.username);
  const action = decodeAction(clicked.value);
  // Our button, but its value means nothing to this version: the person clicked and is told so.
  if (!action) return { kind: "expired", address: where, user: who, raw: body };
  return { kind: "action", action, address: where, user: who, raw: body };
}

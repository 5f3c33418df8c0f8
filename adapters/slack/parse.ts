import { decodeAction } from "../../src/chat/actions.js";
import { type Address, type ChatUser, conversationName } from "../../src/chat/address.js";
import { decodeFormId } from "../../src/chat/forms.js";
import { type InboundEvent, inboundEventSchema, type SupportedEvent } from "../../src/chat/inbound.js";
import type { Origin } from "./origin.js";
import { ACTION_ID_PREFIX } from "./render-elements.js";
import { FORM_CALLBACK_ID } from "./render-form.js";
import {
  appHomeOpenedEvent,
  type BlockActionsPayload,
  blockActionsPayload,
  commandPayload,
  directMessageEvent,
  eventCallbackPayload,
  memberJoinedChannelEvent,
  type ViewSubmissionPayload,
  viewSubmissionPayload,
} from "./schema.js";

const TEXT_MAX = 4000;

/** One payload, read once: the event for the bot, and where its replies go (none for a payload that is not ours). */
export type SlackRequest =
  | { event: SupportedEvent; origin: Origin }
  | { event: Extract<InboundEvent, { kind: "unsupported" }>; origin?: undefined };

const unsupported = (reason: string, raw: unknown): SlackRequest => ({ event: { kind: "unsupported", reason, raw } });
/** The origin every event has: its conversation and person; the payload may add a response_url and the click. */
const originOf = (event: SupportedEvent, extra: Partial<Origin> = {}): Origin => ({
  address: event.address,
  userId: event.user.id,
  ...extra,
});
const withUrl = (url: string | undefined): Partial<Origin> => (url ? { responseUrl: url } : {});
const withTrigger = (id: string | undefined): Partial<Origin> => (id ? { triggerId: id } : {});

/** Slack ids: `D…` is a direct message; workspaces are `team_id` even on Enterprise Grid installs. */
const isDirectId = (channel: string) => channel.startsWith("D");
const isGroupDm = (channelName: string | undefined) => channelName?.startsWith("mpdm-") === true;
const address = (workspace: string, channel: string, thread?: string, isDirect = isDirectId(channel)): Address => ({
  platform: "slack",
  workspace,
  channel,
  ...(thread ? { thread } : {}),
  isDirect,
});

const user = (id: string, name: string | undefined): ChatUser => ({ id, ...(name ? { name } : {}) });

/** What Slack calls conversations that are not a team's channel by name: a DM, and private channels in old payloads. */
const PLACEHOLDER_NAMES = new Set(["directmessage", "privategroup"]);
/** The channel as people write it ("#ml-platform"), for the address, when the payload names a real one. */
const named = (channelName: string | undefined): Pick<Address, "name"> => {
  const name =
    channelName && !PLACEHOLDER_NAMES.has(channelName) && !isGroupDm(channelName)
      ? conversationName(`#${channelName}`)
      : undefined;
  return name ? { name } : {};
};

/**
 * A Slack payload (as Bolt parsed it) as exactly one InboundEvent, and where its replies go. Never throws: anything
 * that is not one of ours (other action ids, buttons whose value does not decode, events we do not subscribe to,
 * bot messages) becomes `unsupported` with a reason for the log.
 */
export function parseSlackPayload(body: unknown): SlackRequest {
  try {
    const parsed = parse(body);
    // The neutral schema has limits of its own (id lengths); an event that breaks them is not ours either.
    if (!parsed.origin) return parsed;
    const checked = inboundEventSchema.safeParse(parsed.event);
    if (!checked.success) return unsupported(`invalid ${parsed.event.kind} event: ${checked.error.message}`, body);
    // The schema hands back what it was given, kind included: a supported event stays one.
    return checked.data.kind === "unsupported"
      ? { event: checked.data }
      : { event: checked.data, origin: parsed.origin };
  } catch (error) {
    return unsupported(`unparsable payload: ${error instanceof Error ? error.message : String(error)}`, body);
  }
}

/**
 * The payload's kind, from the fields Slack sets on each (a slash command has no `type`), read before any schema:
 * every click came through here and the replay check after failing the command's schema first, and a schema that
 * fails builds its issues, on every click.
 */
export function payloadKind(
  body: unknown,
): "command" | "block_actions" | "view_submission" | "event_callback" | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { type, command } = body as { type?: unknown; command?: unknown };
  if (typeof command === "string") return "command";
  return type === "block_actions" || type === "view_submission" || type === "event_callback" ? type : undefined;
}

function parse(body: unknown): SlackRequest {
  switch (payloadKind(body)) {
    case "command":
      return parseCommand(body);
    case "block_actions": {
      const click = blockActionsPayload.safeParse(body);
      return click.success ? parseClick(click.data, body) : invalid("block_actions", click.error, body);
    }
    case "view_submission": {
      const submitted = viewSubmissionPayload.safeParse(body);
      return submitted.success
        ? parseSubmission(submitted.data, body)
        : invalid("view_submission", submitted.error, body);
    }
    case "event_callback":
      return parseEventCallback(body);
    default: {
      const type = typeof body === "object" && body !== null && "type" in body ? String(body.type) : "unknown";
      return unsupported(`payload type ${type} not handled`, body);
    }
  }
}

const invalid = (kind: string, error: { message: string }, body: unknown) =>
  unsupported(`invalid ${kind} payload: ${error.message}`, body);

function parseCommand(body: unknown): SlackRequest {
  const command = commandPayload.safeParse(body);
  if (!command.success) return invalid("command", command.error, body);
  const c = command.data;
  const event = {
    kind: "command" as const,
    text: c.text.slice(0, TEXT_MAX),
    // A group DM is no team either: its id does not say so (G… or C…), its name does.
    address: {
      ...address(c.team_id, c.channel_id, undefined, isDirectId(c.channel_id) || isGroupDm(c.channel_name)),
      ...named(c.channel_name),
    },
    user: user(c.user_id, c.user_name),
    raw: body,
  };
  return { event, origin: originOf(event, { ...withUrl(c.response_url), ...withTrigger(c.trigger_id) }) };
}

function parseEventCallback(body: unknown): SlackRequest {
  const callback = eventCallbackPayload.safeParse(body);
  if (!callback.success) return invalid("event_callback", callback.error, body);
  const { team_id: workspace, event } = callback.data;
  const home = appHomeOpenedEvent.safeParse(event);
  if (home.success) {
    const event = {
      kind: "home" as const,
      address: address(workspace, home.data.channel, undefined, true),
      user: user(home.data.user, undefined),
      raw: body,
    };
    return { event, origin: originOf(event, { home: "opened" }) };
  }
  const joined = memberJoinedChannelEvent.safeParse(event);
  if (joined.success) {
    const bot = callback.data.authorizations?.find((a) => a.is_bot)?.user_id;
    if (bot === undefined || joined.data.user !== bot) return unsupported("someone else joined a channel", body);
    const event = {
      kind: "joined" as const,
      address: address(workspace, joined.data.channel),
      user: user(joined.data.inviter ?? joined.data.user, undefined),
      raw: body,
    };
    return { event, origin: originOf(event) };
  }
  const dm = directMessageEvent.safeParse(event);
  if (dm.success) {
    if (dm.data.subtype !== undefined || dm.data.bot_id !== undefined)
      return unsupported("bot message or message subtype", body);
    const event = {
      kind: "text" as const,
      text: dm.data.text.slice(0, TEXT_MAX),
      address: address(workspace, dm.data.channel, dm.data.thread_ts, true),
      user: user(dm.data.user, undefined),
      raw: body,
    };
    return { event, origin: originOf(event) };
  }
  return unsupported(`event ${event.type} not handled`, body);
}

function parseClick(p: BlockActionsPayload, body: unknown): SlackRequest {
  const [clicked] = p.actions;
  if (clicked?.type !== "button" || !clicked.action_id.startsWith(ACTION_ID_PREFIX)) {
    return unsupported(`action ${clicked?.action_id ?? "(none)"} is not ours`, body);
  }
  const workspace = p.team?.id ?? p.user.team_id;
  if (!workspace) return unsupported("block_actions without a team", body);
  // A click in the Home tab has no channel: the person's id stands for their DM with the app (Slack posts there).
  const where =
    p.container.type === "message"
      ? {
          ...address(workspace, p.container.channel_id, p.container.thread_ts),
          ...named(p.channel?.id === p.container.channel_id ? p.channel.name : undefined),
        }
      : address(workspace, p.user.id, undefined, true);
  const who = user(p.user.id, p.user.name ?? p.user.username);
  const { container } = p;
  const from: Partial<Origin> = {
    ...withUrl(p.response_url),
    ...withTrigger(p.trigger_id),
    ...(container.type === "view"
      ? { home: "clicked" }
      : { clicked: { channel: container.channel_id, ts: container.message_ts, ephemeral: container.is_ephemeral } }),
  };
  const action = decodeAction(clicked.value);
  // Our button, but its value means nothing to this version: the person clicked and is told so.
  const event = action
    ? { kind: "action" as const, action, address: where, user: who, raw: body }
    : { kind: "expired" as const, address: where, user: who, raw: body };
  return { event, origin: originOf(event, from) };
}

/**
 * One of our modals submitted: the form id from private_metadata (it names the team's channel, which becomes the
 * address, so replies land there), each input's value by field id.
 */
function parseSubmission(p: ViewSubmissionPayload, body: unknown): SlackRequest {
  if (p.view.callback_id !== FORM_CALLBACK_ID) return unsupported(`view ${p.view.callback_id} is not ours`, body);
  const workspace = p.team?.id ?? p.user.team_id;
  if (!workspace) return unsupported("view_submission without a team", body);
  const form = decodeFormId(p.view.private_metadata);
  const who = user(p.user.id, p.user.name ?? p.user.username);
  if (!form) {
    const event = {
      kind: "expired" as const,
      address: address(workspace, p.user.id, undefined, true),
      user: who,
      raw: body,
    };
    return { event, origin: originOf(event) };
  }
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(p.view.state.values)) {
    const state = actions[blockId];
    const value =
      state?.selected_option?.value ??
      state?.selected_user ??
      state?.selected_date ??
      state?.selected_time ??
      state?.value;
    if (typeof value === "string") values[blockId] = value;
  }
  const event = { kind: "submit" as const, form, values, address: address(workspace, form.c), user: who, raw: body };
  return { event, origin: originOf(event) };
}

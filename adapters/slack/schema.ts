import { z } from "zod";

/**
 * The Slack payload shapes this app reads (docs "Slash commands", "block_actions payload", "Events API"), checked
 * against recorded payloads in test/adapters/slack/fixtures. Only the fields we use are listed; zod drops the rest.
 */
const id = z.string().min(1);

/** Form fields of a slash command (Bolt hands them over as parsed strings). */
export const commandPayload = z.object({
  command: z.string().startsWith("/"),
  text: z.string().default(""),
  team_id: id,
  channel_id: id,
  user_id: id,
  user_name: z.string().optional(),
  /**
   * The channel's name without "#"; "directmessage" in a DM, "privategroup" in some private channels and "mpdm-…" in
   * a group DM: conversations that are not (or not by name) a team's channel.
   */
  channel_name: z.string().optional(),
  response_url: z.string().optional(),
  trigger_id: z.string().optional(),
});

const messageContainer = z.object({
  type: z.literal("message"),
  message_ts: id,
  channel_id: id,
  is_ephemeral: z.boolean().default(false),
  thread_ts: z.string().optional(),
});
const viewContainer = z.object({ type: z.literal("view"), view_id: z.string().optional() });

export const blockActionsPayload = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id, name: z.string().optional(), username: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id }).nullish(),
  /** Where the clicked message is, with its name (absent for clicks in the Home tab or a modal). */
  channel: z.object({ id, name: z.string().optional() }).nullish(),
  container: z.discriminatedUnion("type", [messageContainer, viewContainer]),
  actions: z.array(z.object({ type: z.string(), action_id: z.string(), value: z.string().optional() })).min(1),
  response_url: z.string().optional(),
  trigger_id: z.string().optional(),
});
export type BlockActionsPayload = z.infer<typeof blockActionsPayload>;

export const eventCallbackPayload = z.object({
  type: z.literal("event_callback"),
  team_id: id,
  event_id: z.string().optional(),
  event: z.object({ type: z.string() }).loose(),
  /** Who the event is delivered to: for this app, its bot user (how it knows that it is the one who joined). */
  authorizations: z.array(z.object({ user_id: z.string().optional(), is_bot: z.boolean().optional() })).optional(),
});

/** Someone joined a channel the app is in; when it is the app's own bot user, the app was just added there. */
export const memberJoinedChannelEvent = z.object({
  type: z.literal("member_joined_channel"),
  user: id,
  channel: id,
  inviter: z.string().optional(),
});

export const appHomeOpenedEvent = z.object({
  type: z.literal("app_home_opened"),
  user: id,
  channel: id,
  tab: z.string().optional(),
});

/** A message in the bot's DM (`message.im`); bot posts and edits carry `bot_id` or a `subtype`. */
export const directMessageEvent = z.object({
  type: z.literal("message"),
  channel_type: z.literal("im"),
  channel: id,
  user: id,
  text: z.string(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

/** One input's state in a submitted modal: whichever of these its element type fills in. */
const inputState = z.object({
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_user: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
});

/** A modal submitted (docs "view_submission payload"): state.values is block id -> action id -> input state. */
export const viewSubmissionPayload = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id, name: z.string().optional(), username: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id }).nullish(),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), inputState)) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof viewSubmissionPayload>;

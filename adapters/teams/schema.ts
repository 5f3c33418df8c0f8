import { z } from "zod";

/**
 * The parts of a Bot Framework Activity (as Teams sends it) that parsing and the stored references read, validated
 * at the boundary whatever botbuilder's types promise. Unknown fields are ignored.
 */
const channelAccountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
});

const conversationSchema = z.object({
  id: z.string().min(1),
  /** A channel's or group chat's name; Teams sends it at install, not with every message. */
  name: z.string().optional(),
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
  isGroup: z.boolean().optional(),
});

const teamsChannelData = z.object({
  tenant: z.object({ id: z.string().min(1) }).optional(),
  /** The team a channel belongs to; its name comes with installs and team events. */
  team: z.object({ name: z.string().optional() }).optional(),
  /** The channel, with its name when Teams sends one (channel events; the General channel has none). */
  channel: z.object({ name: z.string().optional() }).optional(),
});

/** The team's and the channel's names in an activity's channelData, when Teams sent them. */
export function channelDataNamesOf(activity: { channelData?: unknown }): { team?: string; channel?: string } {
  const parsed = teamsChannelData.safeParse(activity.channelData);
  if (!parsed.success) return {};
  const { team, channel } = parsed.data;
  return { ...(team?.name ? { team: team.name } : {}), ...(channel?.name ? { channel: channel.name } : {}) };
}

const accountWithId = z.object({ id: z.string() });

/**
 * What CloudAdapter needs before it can run a turn: a type (it throws without one) and an http(s) serviceUrl to
 * reply to (without a usable one every reply is retried against nowhere for seconds, and the conversation's stored
 * reference would point there). The parts botbuilder reads without looking, when present, must have their shape:
 * a string where it expects an account or a list of members fails the turn halfway. Teams always sends them so.
 */
export const activityEnvelopeSchema = z.object({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: accountWithId.optional(),
  recipient: accountWithId.optional(),
  conversation: accountWithId.optional(),
  membersAdded: z.array(accountWithId).optional(),
  membersRemoved: z.array(accountWithId).optional(),
});

export const activitySchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  serviceUrl: z.string().optional(),
  channelId: z.string().optional(),
  from: channelAccountSchema.optional(),
  recipient: channelAccountSchema.optional(),
  conversation: conversationSchema.optional(),
  entities: z.array(z.unknown()).optional(),
  channelData: z.unknown().optional(),
  localTimezone: z.string().optional(),
  /** conversationUpdate: who joined; the bot among them means it was just installed here. */
  membersAdded: z.array(channelAccountSchema).optional(),
});
export type TeamsActivity = z.infer<typeof activitySchema>;

/** `entities[type=clientInfo]` carries the client's IANA time zone. */
export const clientInfoSchema = z.object({ type: z.literal("clientInfo"), timezone: z.string().optional() });
/** `entities[type=mention]`: `text` is the `<at>…</at>` markup in the message text. */
export const mentionSchema = z.object({
  type: z.literal("mention"),
  mentioned: z.object({ id: z.string() }),
  text: z.string().optional(),
});

/** Our data on a card button (see render-elements.ts): Action.Submit sends it as `value`, Action.Execute in the invoke. */
export const buttonDataSchema = z.object({ ma: z.string() });
/** A form card's submission: our form id plus the inputs' values (anything else Teams adds is dropped later). */
export const formDataSchema = z.object({ mf: z.string() }).catchall(z.unknown());
export type FormData = z.infer<typeof formDataSchema>;
export const executeInvokeSchema = z.object({
  action: z.object({ type: z.string(), verb: z.string().optional(), data: z.unknown() }),
});

export function tenantOf(activity: TeamsActivity): string | undefined {
  const data = teamsChannelData.safeParse(activity.channelData);
  return (data.success ? data.data.tenant?.id : undefined) ?? activity.conversation?.tenantId;
}

/** A channel thread is `<channel id>;messageid=<root message id>`; the channel is the part before it. */
export function splitConversationId(id: string): { channel: string; thread: string | undefined } {
  const at = id.indexOf(";messageid=");
  if (at < 0) return { channel: id, thread: undefined };
  return { channel: id.slice(0, at), thread: id.slice(at + ";messageid=".length) || undefined };
}

export function conversationIdOf(channel: string, thread: string | undefined): string {
  return thread ? `${channel};messageid=${thread}` : channel;
}

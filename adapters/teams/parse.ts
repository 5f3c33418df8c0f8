import { decodeAction } from "../../src/chat/actions.js";
import type { Address, ChatUser } from "../../src/chat/address.js";
import { decodeFormId } from "../../src/chat/forms.js";
import { type InboundEvent, inboundEventSchema } from "../../src/chat/inbound.js";
import { type FoundReference, referenceOf } from "./references.js";
import {
  activitySchema,
  buttonDataSchema,
  clientInfoSchema,
  executeInvokeSchema,
  type FormData,
  formDataSchema,
  mentionSchema,
  splitConversationId,
  type TeamsActivity,
  tenantOf,
} from "./schema.js";

const TEXT_MAX = 4000;
const ADAPTIVE_CARD_INVOKE = "adaptiveCard/action";

const unsupported = (reason: string, raw: unknown): InboundEvent => ({ kind: "unsupported", reason, raw });

/** What replying to an activity needs: the activity as validated, and its conversation's reference. */
export interface TeamsOrigin {
  activity: TeamsActivity;
  reference: FoundReference | undefined;
}

/** One activity, read once: the event for the bot, and the origin for replies (none when it is no activity). */
export interface TeamsRequest {
  event: InboundEvent;
  origin: TeamsOrigin | undefined;
}

/**
 * A Teams activity as exactly one InboundEvent, plus where it came from. Never throws: anything that is not one of
 * ours (reactions, typing, other invokes, card data that does not decode) becomes `unsupported` with a reason for
 * the log.
 */
export function parseTeamsActivity(body: unknown): TeamsRequest {
  const activity = activitySchema.safeParse(body);
  if (!activity.success)
    return { event: unsupported(`not an activity: ${activity.error.message}`, body), origin: undefined };
  const origin = { activity: activity.data, reference: referenceOf(activity.data) };
  try {
    const event = parse(activity.data, body);
    // The neutral schema has limits of its own (id lengths); an event that breaks them is not ours either.
    const checked = inboundEventSchema.safeParse(event);
    return {
      event: checked.success
        ? checked.data
        : unsupported(`invalid ${event.kind} event: ${checked.error.message}`, body),
      origin,
    };
  } catch (error) {
    const reason = `unparsable activity: ${error instanceof Error ? error.message : String(error)}`;
    return { event: unsupported(reason, body), origin };
  }
}

function parse(a: TeamsActivity, raw: unknown): InboundEvent {
  const isMessage = a.type === "message";
  const isCardInvoke = a.type === "invoke" && a.name === ADAPTIVE_CARD_INVOKE;
  // Teams announces every install (team, group chat, personal) as the bot joining the conversation.
  const botJoined =
    a.type === "conversationUpdate" &&
    a.recipient !== undefined &&
    (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
  if (!isMessage && !isCardInvoke && !botJoined)
    return unsupported(`activity ${a.type}${a.name ? ` ${a.name}` : ""} not handled`, raw);

  const workspace = tenantOf(a);
  if (!workspace || !a.conversation || !a.from)
    return unsupported("activity without tenant, conversation or sender", raw);
  const { channel, thread } = splitConversationId(a.conversation.id);
  const address: Address = {
    platform: "teams",
    workspace,
    channel,
    ...(thread ? { thread } : {}),
    isDirect: a.conversation.conversationType === "personal",
  };
  const user = userOf(a);

  if (botJoined) return { kind: "joined", address, user, raw };

  if (isCardInvoke) {
    const invoke = executeInvokeSchema.safeParse(a.value);
    if (!invoke.success || invoke.data.action.type !== "Action.Execute")
      return unsupported("card invoke that is not Action.Execute", raw);
    return actionEvent(invoke.data.action.data, address, user, raw);
  }
  // An Action.Submit arrives as a message with the button's data as `value` and usually no text.
  if (a.value !== undefined) return actionEvent(a.value, address, user, raw);
  if (a.text === undefined) return unsupported("message without text (attachment only)", raw);
  return { kind: "command", text: commandText(a, a.text), address, user, raw };
}

function actionEvent(data: unknown, address: Address, user: ChatUser, raw: unknown): InboundEvent {
  const submitted = formDataSchema.safeParse(data);
  if (submitted.success) return submitEvent(submitted.data, address, user, raw);
  const ours = buttonDataSchema.safeParse(data);
  if (!ours.success) return unsupported("card data that is not ours", raw);
  const action = decodeAction(ours.data.ma);
  // Our button, but its data means nothing to this version: the person clicked and is told so.
  if (!action) return { kind: "expired", address, user, raw };
  return { kind: "action", action, address, user, raw };
}

/** A form's card submitted: its id, and every input's value (Teams puts them beside the id, keyed by input id). */
function submitEvent(data: FormData, address: Address, user: ChatUser, raw: unknown): InboundEvent {
  const form = decodeFormId(data.mf);
  if (!form) return { kind: "expired", address, user, raw };
  const values = Object.fromEntries(
    Object.entries(data).filter(
      (entry): entry is [string, string] => entry[0] !== "mf" && typeof entry[1] === "string",
    ),
  );
  return { kind: "submit", form, values, address, user, raw };
}

/**
 * The words for the command router, as in Slack's `/mlops-assess <text>`: the bot's `<at>…</at>` mention is removed
 * (any leading mention too, when the entity is missing), and so is a leading `/mlops-assess` or `mlops-assess` typed
 * out of habit. Everything else is passed on unchanged.
 */
function commandText(a: TeamsActivity, text: string): string {
  let words = text;
  for (const entity of a.entities ?? []) {
    const mention = mentionSchema.safeParse(entity);
    if (mention.success && mention.data.mentioned.id === a.recipient?.id && mention.data.text) {
      words = words.split(mention.data.text).join(" ");
    }
  }
  return words
    .replace(/\u00a0|&nbsp;/g, " ")
    .replace(/^\s*(<at>[^<]*<\/at>\s*)+/i, "")
    .trim()
    .replace(/^\/?mlops-assess\b/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, TEXT_MAX);
}

function userOf(a: TeamsActivity): ChatUser {
  const from = a.from ?? { id: "" };
  const timeZone = timeZoneOf(a);
  return { id: from.id, ...(from.name ? { name: from.name } : {}), ...(timeZone ? { timeZone } : {}) };
}

/**
 * Zones the runtime accepted already. Checking one builds a formatter, which costs more than the rest of parsing an
 * activity; the set stays small, as only real zone names get in.
 */
const knownZones = new Set<string>();

/** The client's time zone, when it is one the runtime knows (a bad value must not cost the person their event). */
function timeZoneOf(a: TeamsActivity): string | undefined {
  const fromEntities = (a.entities ?? [])
    .map((e) => clientInfoSchema.safeParse(e))
    .find((e) => e.success && e.data.timezone)?.data?.timezone;
  const zone = fromEntities ?? a.localTimezone;
  if (!zone || zone.length > 64) return undefined;
  if (knownZones.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    knownZones.add(zone);
    return zone;
  } catch {
    return undefined;
  }
}

import { z } from "zod";
import { type Address, teamOf } from "../../src/chat/address.js";
import type { Delivery } from "../../src/chat/delivery.js";
import { errorMessage } from "../../src/chat/error-message.js";
import type { SupportedEvent } from "../../src/chat/inbound.js";
import { deliverySchema, type FileMessage, type OutboundMessage, type Reply } from "../../src/chat/outbound.js";
import type { Logger } from "../../src/chat/ports.js";
import { InvariantError } from "../../src/errors.js";
import { type Keys, RESPONSE_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { withChannelNames } from "./channel-names.js";
import { type Conversation, type Conversations, isGoneMessage } from "./conversations.js";
import { cardActivity, checkedCard, mentionActivity } from "./outgoing.js";
import type { ConversationRefs, StoredReference } from "./references.js";
import type { AdaptiveCard } from "./render-schema.js";
import { conversationIdOf } from "./schema.js";

/** A download link for a file message (the app stores the file and serves it). */
export type FileLinks = (file: FileMessage) => Promise<string>;

type ChannelDelivery = Extract<z.output<typeof deliverySchema>, { to: "channel" }>;

/** A tracked message (the round invitation) is edited for as long as the round's answers are kept. */
const TRACKED_MESSAGE_TTL_MS = RESPONSE_TTL_MS;
export const trackedMessageSchema = z.object({ conversationId: z.string(), activityId: z.string() });

const NO_PRIVATE_CHAT =
  "I couldn't send you a private message. Add the mlops-assess app for yourself (Apps → mlops-assess → Add), then try again.";

/** Where the replies of one incoming activity go. */
export interface TurnOrigin {
  event: SupportedEvent;
  /** The conversation the activity came from. */
  here: Conversation;
  /** Its reference, for opening the person's 1:1 chat in the same tenant. */
  via: StoredReference | undefined;
  /** An adaptiveCard/action invoke: a `replace` reply becomes the invoke response. */
  invoke: boolean;
  /** An Action.Submit: the id of the card message whose button was clicked. */
  clicked: string | undefined;
}

export interface TurnOutcome {
  /** The card that replaces the clicked one (invoke response). */
  card: AdaptiveCard | undefined;
  /** Something went to the person's 1:1 chat while they were elsewhere. */
  sentPrivately: boolean;
}

export interface TeamsDelivery extends Delivery<TurnOrigin, TurnOutcome> {
  /** Post one message into the address's conversation (its thread when set); the new message's id. */
  post(address: Address, message: OutboundMessage): Promise<string | undefined>;
}

/**
 * Replies per delivery intent, in Teams terms:
 * - `replace`: for an adaptiveCard/action invoke, the invoke response carries the next card (Teams swaps it in
 *   place); for an Action.Submit, the clicked message is edited (PUT replyToId); otherwise as `private`.
 * - `private`: in a 1:1 chat, that chat; elsewhere the person's 1:1 chat with the bot, opened with
 *   createConversationAsync (the connector's POST /v3/conversations) when none is known, plus a short "I've sent you
 *   a message" where they wrote. When Teams refuses to open it (the app is not installed for them), the person is
 *   told so where they wrote, with a mention and never the private content.
 * - `channel`: the conversation (thread) the event came from, or `address` through its stored reference; `track`
 *   remembers the new message's id, and `update` edits that message (a new one is posted when it is gone).
 */
export function createDelivery(deps: {
  conversations: Conversations;
  refs: ConversationRefs;
  store: Store;
  keys: Keys;
  logger: Logger;
  /** Where the app serves a file for download (a Teams bot cannot attach one to a message); none: text only. */
  fileLinks?: FileLinks;
}): TeamsDelivery {
  const { conversations, refs, store, keys, logger } = deps;

  const withLink = async (message: OutboundMessage): Promise<OutboundMessage> =>
    message.kind === "file" && !message.url && deps.fileLinks
      ? { ...message, url: await deps.fileLinks(message) }
      : message;
  /** What the message needs from outside before it is rendered: a download link, the channels' names. */
  const prepared = async (message: OutboundMessage, workspace: string): Promise<OutboundMessage> =>
    withChannelNames(refs, workspace, await withLink(message));

  async function conversationAt(address: Address, here: Conversation | undefined): Promise<Conversation> {
    const id = conversationIdOf(address.channel, address.thread);
    return here && here.id === id ? here : conversations.stored(address.workspace, id);
  }

  /** Post to a conversation, or edit the tracked message there; a tracked message that is gone is posted anew. */
  async function toChannel(d: ChannelDelivery, address: Address, message: OutboundMessage, here?: Conversation) {
    const target = d.address ?? address;
    const activity = cardActivity(message, logger);
    const key = d.track ? keys.message(teamOf(target), d.track) : undefined;
    const tracked = key && d.update ? await store.get(key, trackedMessageSchema) : undefined;
    if (tracked) {
      const where =
        here?.id === tracked.conversationId
          ? here
          : await conversations.stored(target.workspace, tracked.conversationId);
      try {
        return await where.update(tracked.activityId, activity);
      } catch (error) {
        if (!isGoneMessage(error)) throw error;
        logger.info({ track: d.track }, "tracked teams message is gone: posting a new one");
      }
    }
    const conversation = await conversationAt(target, here);
    const id = await conversation.send(activity);
    if (key && id) await store.set(key, { conversationId: conversation.id, activityId: id }, TRACKED_MESSAGE_TTL_MS);
  }

  /** To the person alone: the direct conversation itself, or their 1:1 chat with the bot. */
  async function toPerson(address: Address, userId: string | undefined, message: OutboundMessage, origin?: TurnOrigin) {
    const activity = cardActivity(message, logger);
    if (address.isDirect) return void (await (await conversationAt(address, origin?.here)).send(activity));
    if (!userId) throw new InvariantError("a private reply outside a direct conversation needs a person");
    const via = origin?.via ?? (await refs.get(address.workspace, address.channel))?.reference;
    await (await conversations.personal(address.workspace, userId, via)).send(activity);
  }

  async function deliverInTurn(origin: TurnOrigin, reply: Reply, outcome: TurnOutcome): Promise<void> {
    const { event, here } = origin;
    const d = deliverySchema.parse(reply.delivery);
    if (d.to === "channel") return toChannel(d, event.address, reply.message, here);
    if (d.to === "replace") {
      // Universal Actions: the invoke response carries the next card, so the card updates in place.
      if (origin.invoke && !outcome.card) {
        outcome.card = checkedCard(reply.message, logger);
        return;
      }
      if (origin.clicked) {
        try {
          return await here.update(origin.clicked, cardActivity(reply.message, logger));
        } catch (error) {
          if (!isGoneMessage(error)) throw error;
          return void (await here.send(cardActivity(reply.message, logger)));
        }
      }
    }
    try {
      await toPerson(event.address, event.user.id, reply.message, origin);
      if (!event.address.isDirect) outcome.sentPrivately = true;
    } catch (error) {
      // No 1:1 chat can be opened (the app is not installed for them): say so where they are, never the content.
      logger.warn({ err: error }, "teams private reply not delivered: telling the person in the conversation");
      await here.send(mentionActivity(event.user, NO_PRIVATE_CHAT));
    }
  }

  return {
    async inTurn(origin, replies) {
      const outcome: TurnOutcome = { card: undefined, sentPrivately: false };
      let failed: { error: unknown } | undefined;
      for (const reply of replies) {
        try {
          const message = await prepared(reply.message, origin.event.address.workspace);
          await deliverInTurn(origin, { ...reply, message }, outcome);
        } catch (error) {
          failed = { error };
          logger.error({ err: error, delivery: reply.delivery.to }, "teams delivery failed");
        }
      }
      try {
        if (failed) {
          await origin.here.send(cardActivity(errorMessage(failed.error), logger));
        } else if (outcome.sentPrivately && !origin.invoke) {
          await origin.here.send(mentionActivity(origin.event.user, "I've sent you a message."));
        }
      } catch (error) {
        logger.error({ err: error }, "could not tell the person where their reply went");
      }
      return outcome;
    },
    async proactive(address, reply, userId) {
      const d = deliverySchema.parse(reply.delivery);
      const message = await prepared(reply.message, address.workspace);
      if (d.to === "channel") return toChannel(d, address, message);
      await toPerson(address, userId, message);
    },
    async post(address, message) {
      return (await conversationAt(address, undefined)).send(
        cardActivity(await prepared(message, address.workspace), logger),
      );
    },
  };
}

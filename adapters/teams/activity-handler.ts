import { type InvokeResponse, TeamsActivityHandler, type TurnContext } from "botbuilder";
import { conversationName } from "../../src/chat/address.js";
import { errorMessage } from "../../src/chat/error-message.js";
import type { SupportedEvent } from "../../src/chat/inbound.js";
import type { Reply } from "../../src/chat/outbound.js";
import type { ChatBot, Logger } from "../../src/chat/ports.js";
import type { Conversations } from "./conversations.js";
import type { TeamsDelivery, TurnOutcome } from "./deliver.js";
import { parseTeamsActivity, type TeamsOrigin } from "./parse.js";

import type { ConversationRefs, StoredConversation } from "./references.js";
import { CARD_CONTENT_TYPE } from "./render-schema.js";
import type { FirstDelivery } from "./replays.js";
import { splitConversationId } from "./schema.js";

const ADAPTIVE_CARD_INVOKE = "adaptiveCard/action";

/** Where an install or removal came from, read once off its activity. */
const originOf = (context: TurnContext) => parseTeamsActivity(context.activity).origin;
const MESSAGE_RESPONSE_TYPE = "application/vnd.microsoft.activity.message";

export interface HandlerDeps {
  bot: ChatBot;
  refs: ConversationRefs;
  conversations: Conversations;
  delivery: TeamsDelivery;
  logger: Logger;
  firstDelivery: FirstDelivery;
}

/** The activity has no recipient when a client leaves it out; botbuilder's type says it always has one. */
const isBotAmong = (context: TurnContext, members: readonly { id: string }[] | undefined): boolean => {
  const bot = (context.activity.recipient as { id?: string } | undefined)?.id;
  return bot !== undefined && (members ?? []).some((m) => m.id === bot);
};

/**
 * A channel's event with the name its conversation keeps ("Acme Corp › Chat SDK", stored at install, or the channel's
 * own from its messages): rounds opened there are titled with it. Most activities do not carry it themselves.
 */
function namedAfter(event: SupportedEvent, stored: StoredConversation | undefined): SupportedEvent {
  const name = event.address.isDirect ? undefined : conversationName(stored?.name);
  return name ? { ...event, address: { ...event.address, name } } : event;
}

/**
 * The Teams side of a turn: messages and Universal Action invokes go to the bot, installs and removals keep the
 * stored conversation references current. Everything else (reactions, typing, other invokes) is left to
 * botbuilder's defaults.
 */
export class MlopsAssessTeamsHandler extends TeamsActivityHandler {
  constructor(private readonly deps: HandlerDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.turn(context, false);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(originOf(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(originOf(context));
      await next();
    });
    // Teams also announces an install as the bot joining, which is when it says hello (the turn parses it as
    // `joined`); other members joining are not our business.
    this.onMembersAdded(async (context, next) => {
      if (isBotAmong(context, context.activity.membersAdded)) await this.turn(context, false);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (isBotAmong(context, context.activity.membersRemoved)) await this.forget(originOf(context));
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== ADAPTIVE_CARD_INVOKE) {
      // This bot offers no other invoke (messaging extensions, task modules, sign-in). botbuilder answers those 501,
      // a server error on every dashboard, when it is the request that asks for something the bot does not offer.
      const response = await super.onInvokeActivity(context);
      return response.status === 501 ? { status: 400 } : response;
    }
    const outcome = await this.turn(context, true);
    if (!outcome) {
      return {
        status: 200,
        body: {
          statusCode: 400,
          type: "application/vnd.microsoft.error",
          // Teams shows `message` under the card: words for the person, not for a developer.
          value: { code: "BadRequest", message: "That button no longer works." },
        },
      };
    }
    // The invoke response is what the person sees on the card: the next card, or a short note.
    const body = outcome.card
      ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: outcome.card }
      : {
          statusCode: 200,
          type: MESSAGE_RESPONSE_TYPE,
          value: outcome.sentPrivately ? "I've sent you a message." : "Done.",
        };
    return { status: 200, body };
  }

  /**
   * Storage trouble must not cost the person their answer: the turn goes on, and the next message retries.
   * Returns the conversation as stored, with the name it keeps (the install's "team › channel").
   */
  private async remember(origin: TeamsOrigin | undefined): Promise<StoredConversation | undefined> {
    const found = origin?.reference;
    if (!origin || !found) return undefined;
    const { activity } = origin;
    try {
      const stored = await this.deps.refs.save(found);
      if (activity.conversation?.conversationType === "personal" && activity.from) {
        const chat = splitConversationId(activity.conversation.id).channel;
        await this.deps.refs.rememberPersonalChat(found.workspace, activity.from.id, chat);
      }
      return stored;
    } catch (error) {
      this.deps.logger.warn({ err: error, type: activity.type }, "teams conversation reference not stored");
      return undefined;
    }
  }

  private async forget(origin: TeamsOrigin | undefined): Promise<void> {
    if (!origin?.reference) return;
    await this.deps.refs.uninstalled(origin.reference);
    this.deps.logger.info({ conversation: origin.activity.conversation?.id }, "teams app removed from a conversation");
  }

  private async turn(context: TurnContext, invoke: boolean): Promise<TurnOutcome | undefined> {
    const { bot, conversations, delivery, logger } = this.deps;
    const { event: parsed, origin } = parseTeamsActivity(context.activity);
    const stored = await this.remember(origin);
    if (parsed.kind === "unsupported") {
      logger.info({ reason: parsed.reason }, "teams activity ignored");
      return undefined;
    }
    const event = namedAfter(parsed, stored);
    // A replay was answered the first time: the card stays as it is and nothing else happens.
    const { conversation, id } = context.activity;
    if (!(await this.deps.firstDelivery(event.address.workspace, conversation.id, id))) {
      return { card: undefined, sentPrivately: false };
    }
    let replies: Reply[];
    try {
      replies = await bot.handle(event);
    } catch (error) {
      logger.error({ err: error, kind: event.kind }, "teams event failed");
      replies = [{ message: errorMessage(error), delivery: { to: "private" } }];
    }
    return delivery.inTurn(
      {
        event,
        here: conversations.ofTurn(context, event.address.workspace),
        via: origin?.reference?.reference,
        invoke,
        clicked: !invoke && event.kind === "action" ? context.activity.replyToId : undefined,
      },
      replies,
    );
  }
}

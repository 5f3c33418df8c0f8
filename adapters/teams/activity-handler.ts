import { type InvokeResponse, TeamsActivityHandler, type TurnContext } from "botbuilder";
import { errorMessage } from "../../src/chat/error-message.js";
import type { Reply } from "../../src/chat/outbound.js";
import type { ChatBot, Logger } from "../../src/chat/ports.js";
import type { Conversations } from "./conversations.js";
import type { TeamsDelivery, TurnOutcome } from "./deliver.js";
import { parseTeamsActivity } from "./parse.js";
import { type ConversationRefs, referenceOf } from "./references.js";
import { CARD_CONTENT_TYPE } from "./render-schema.js";
import { activitySchema, splitConversationId, type TeamsActivity } from "./schema.js";

const ADAPTIVE_CARD_INVOKE = "adaptiveCard/action";
const MESSAGE_RESPONSE_TYPE = "application/vnd.microsoft.activity.message";

export interface HandlerDeps {
  bot: ChatBot;
  refs: ConversationRefs;
  conversations: Conversations;
  delivery: TeamsDelivery;
  logger: Logger;
}

/** The activity has no recipient when a client leaves it out; botbuilder's type says it always has one. */
const isBotAmong = (context: TurnContext, members: readonly { id: string }[] | undefined): boolean => {
  const bot = (context.activity.recipient as { id?: string } | undefined)?.id;
  return bot !== undefined && (members ?? []).some((m) => m.id === bot);
};

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
      await this.remember(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
    // Teams also announces an install as the bot joining; other members joining are not our business.
    this.onMembersAdded(async (context, next) => {
      if (isBotAmong(context, context.activity.membersAdded)) await this.remember(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (isBotAmong(context, context.activity.membersRemoved)) await this.forget(context);
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
          value: { code: "BadRequest", message: "Unknown action" },
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

  private activity(context: TurnContext): TeamsActivity | undefined {
    const parsed = activitySchema.safeParse(context.activity);
    return parsed.success ? parsed.data : undefined;
  }

  /** Storage trouble must not cost the person their answer: the turn goes on, and the next message retries. */
  private async remember(context: TurnContext): Promise<void> {
    const activity = this.activity(context);
    if (!activity) return;
    try {
      await this.deps.refs.remember(activity);
      const found = referenceOf(activity);
      if (found && activity.conversation?.conversationType === "personal" && activity.from) {
        const chat = splitConversationId(activity.conversation.id).channel;
        await this.deps.refs.rememberPersonalChat(found.workspace, activity.from.id, chat);
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, type: activity.type }, "teams conversation reference not stored");
    }
  }

  private async forget(context: TurnContext): Promise<void> {
    const activity = this.activity(context);
    if (!activity) return;
    await this.deps.refs.uninstalled(activity);
    this.deps.logger.info({ conversation: activity.conversation?.id }, "teams app removed from a conversation");
  }

  private async turn(context: TurnContext, invoke: boolean): Promise<TurnOutcome | undefined> {
    const { bot, conversations, delivery, logger } = this.deps;
    await this.remember(context);
    const event = parseTeamsActivity(context.activity);
    if (event.kind === "unsupported") {
      logger.info({ reason: event.reason }, "teams activity ignored");
      return undefined;
    }
    let replies: Reply[];
    try {
      replies = await bot.handle(event);
    } catch (error) {
      logger.error({ err: error, kind: event.kind }, "teams event failed");
      replies = [{ message: errorMessage(error), delivery: { to: "private" } }];
    }
    const activity = this.activity(context);
    return delivery.inTurn(
      {
        event,
        here: conversations.ofTurn(context, event.address.workspace),
        via: activity ? referenceOf(activity)?.reference : undefined,
        invoke,
        clicked: !invoke && event.kind === "action" ? context.activity.replyToId : undefined,
      },
      replies,
    );
  }
}

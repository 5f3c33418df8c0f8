import {
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  TeamsInfo,
  type TurnContext,
} from "botbuilder";
import { DeliveryError } from "../../src/chat/ports.js";
import { connectorStatus, type RetryPolicy, retryRateLimited, toDeliveryError } from "./errors.js";
import { type ConversationRefs, isReachable, type StoredReference } from "./references.js";

/** Public-cloud Bot Connector token scope (botframework-connector AuthenticationConstants.ToChannelFromBotOAuthScope). */
const BOT_CONNECTOR_SCOPE = "https://api.botframework.com";

/** botbuilder's reference for a stored one, pointed at `conversationId` (the channel, or one of its threads). */
function continuation(stored: StoredReference, conversationId: string): Partial<ConversationReference> {
  const { conversation, bot } = stored;
  return {
    serviceUrl: stored.serviceUrl,
    channelId: stored.channelId,
    bot: { id: bot.id, name: bot.name ?? "" },
    conversation: {
      id: conversationId,
      isGroup: conversation.isGroup ?? false,
      conversationType: conversation.conversationType ?? "",
      name: "",
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
  };
}

/** One conversation the bot can post into and edit its own messages in. Failures reject with DeliveryError. */
export interface Conversation {
  /** The conversation id, with `;messageid=` when it is a channel thread. */
  id: string;
  send(activity: Partial<Activity>): Promise<string | undefined>;
  /** Rejects with DeliveryError("failed") and status 404 when the message is gone (deleted). */
  update(activityId: string, activity: Partial<Activity>): Promise<void>;
}

export interface Conversations {
  /** The conversation the turn came from, through the turn's own connector. */
  ofTurn(context: TurnContext, workspace: string): Conversation;
  /** A conversation by its stored reference (proactive); rejects when none is stored or it is not reachable. */
  stored(workspace: string, conversationId: string): Promise<Conversation>;
  /**
   * The person's 1:1 chat with the bot: the one we know, or a new one created through `via` (a reference in the
   * same tenant: its service URL and bot). Teams returns the existing chat when there is one.
   */
  personal(workspace: string, userId: string, via: StoredReference | undefined): Promise<Conversation>;
  /**
   * Whether the conversation's roster lists the person (TeamsInfo.getMember through its stored reference): false
   * when the bot knows no such conversation or Teams says the person is not in it (404).
   */
  isMember(workspace: string, conversationId: string, userId: string): Promise<boolean>;
}

/** A message edit that failed because the message is gone, not the conversation. */
export const isGoneMessage = (error: unknown): boolean =>
  error instanceof DeliveryError && connectorStatus(error.cause) === 404;

export function createConversations(deps: {
  adapter: CloudAdapter;
  appId: string;
  refs: ConversationRefs;
  retry: RetryPolicy;
}): Conversations {
  const { adapter, appId, refs, retry } = deps;

  /**
   * Every connector call goes through here: a 429 is retried (bounded), and a 403/404 on a post marks the
   * conversation unreachable so nudges stop there. A 404 on an edit only means that message is gone.
   */
  async function guarded<T>(
    workspace: string,
    conversationId: string | undefined,
    edit: boolean,
    run: () => Promise<T>,
  ) {
    try {
      return await retryRateLimited(run, retry);
    } catch (error) {
      const status = connectorStatus(error);
      if (conversationId && (status === 403 || (status === 404 && !edit))) {
        await refs.unreachable(workspace, conversationId, `connector answered ${status}`);
      }
      throw toDeliveryError(error);
    }
  }

  function bound(
    workspace: string,
    id: string,
    run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  ): Conversation & { within<T>(use: (context: TurnContext) => Promise<T>): Promise<T> } {
    /**
     * botbuilder hands an error thrown inside a turn to adapter.onTurnError instead of the caller, so the result
     * (or the error) is carried out of the callback by hand.
     */
    async function within<T>(use: (context: TurnContext) => Promise<T>): Promise<T> {
      let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
      await run(async (context) => {
        try {
          outcome = { ok: true, value: await use(context) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      });
      if (!outcome) throw new DeliveryError("failed", "the connector turn did not run");
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    }
    return {
      id,
      within,
      send: (activity) =>
        guarded(workspace, id, false, () => within(async (context) => (await context.sendActivity(activity))?.id)),
      update: (activityId, activity) =>
        guarded(workspace, id, true, () =>
          within(async (context) => {
            await context.updateActivity({ ...activity, id: activityId });
          }),
        ),
    };
  }

  async function stored(workspace: string, conversationId: string): Promise<Conversation> {
    const entry = await refs.get(workspace, conversationId);
    if (!entry) throw new DeliveryError("unreachable", "no conversation reference stored");
    if (!isReachable(entry)) throw new DeliveryError("unreachable", `conversation is ${entry.state}`);
    const reference = continuation(entry.reference, conversationId);
    return bound(workspace, conversationId, (logic) => adapter.continueConversationAsync(appId, reference, logic));
  }

  async function createPersonal(workspace: string, userId: string, via: StoredReference): Promise<string> {
    const parameters: Partial<ConversationParameters> = {
      isGroup: false,
      bot: { id: via.bot.id, name: via.bot.name ?? "" },
      members: [{ id: userId, name: "" }],
      tenantId: workspace,
      channelData: { tenant: { id: workspace } },
    };
    let created: string | undefined;
    // A refusal here (the app is not installed for the person) says nothing about any stored conversation.
    await guarded(workspace, undefined, false, () =>
      adapter.createConversationAsync(
        appId,
        via.channelId,
        via.serviceUrl,
        BOT_CONNECTOR_SCOPE,
        // The type insists on a first `activity`; the connector does not, and the first message is sent after.
        parameters as ConversationParameters,
        async (context) => {
          created = context.activity.conversation.id;
        },
      ),
    );
    if (!created) throw new DeliveryError("failed", "the connector created no conversation");
    await refs.save({
      workspace,
      reference: {
        ...via,
        conversation: { id: created, tenantId: workspace, conversationType: "personal", isGroup: false },
      },
    });
    await refs.rememberPersonalChat(workspace, userId, created);
    return created;
  }

  async function isMember(workspace: string, conversationId: string, userId: string): Promise<boolean> {
    const entry = await refs.get(workspace, conversationId);
    if (!entry || !isReachable(entry)) return false;
    const roster = bound(workspace, conversationId, (logic) =>
      adapter.continueConversationAsync(appId, continuation(entry.reference, conversationId), logic),
    );
    try {
      await roster.within((context) => TeamsInfo.getMember(context, userId));
      return true;
    } catch (error) {
      if (connectorStatus(error) === 404) return false;
      throw error;
    }
  }

  return {
    isMember,
    ofTurn: (context, workspace) => bound(workspace, context.activity.conversation.id, (logic) => logic(context)),
    stored,
    async personal(workspace, userId, via) {
      const known = await refs.personalChat(workspace, userId);
      if (known && (await refs.get(workspace, known))) return stored(workspace, known);
      if (!via) throw new DeliveryError("unreachable", "no 1:1 chat with this person and no reference to open one");
      return stored(workspace, await createPersonal(workspace, userId, via));
    },
  };
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudAdapter } from "botbuilder";
import type { Address } from "../../src/chat/address.js";
import type { OutboundMessage, Reply } from "../../src/chat/outbound.js";
import { type ChatBot, type Clock, type Logger, systemClock } from "../../src/chat/ports.js";
import { createKeys, type Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { MlopsAssessTeamsHandler } from "./activity-handler.js";
import { botAuthentication, type TokenAuthority } from "./authentication.js";
import { createConversations } from "./conversations.js";
import { createDelivery, type FileLinks } from "./deliver.js";
import { DEFAULT_RETRY, type RetryPolicy, toDeliveryError } from "./errors.js";
import { botRequest, botResponse, RequestBodyError, readActivityBody, sendError } from "./http.js";
import { createConversationRefs } from "./references.js";
import { createReplayCheck } from "./replays.js";

export interface TeamsAdapterConfig {
  /** The bot's Microsoft App ID. Empty: no authentication at all (local testing only; a warning is logged). */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType?: "MultiTenant" | "SingleTenant";
  /** Where incoming tokens' signing keys come from; default Microsoft's public cloud (tests: a loopback server). */
  authority?: TokenAuthority;
  bot: ChatBot;
  store: Store;
  /** Defaults to createKeys() (prefix "ma"); pass the app's keys when it uses another prefix. */
  keys?: Keys;
  logger: Logger;
  clock?: Clock;
  /** Retries of a 429 after botbuilder's own; tests shorten the waits. */
  retry?: Partial<RetryPolicy>;
  /** Download links for exported files; without them a file reply shows its text and name only. */
  fileLinks?: FileLinks;
}

export interface TeamsAdapter {
  /** Serves POST /api/messages on a node:http server owned by the app; parses the body itself. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * A proactive reply (nudges), through stored conversation references: `private` goes to `userId`'s 1:1 chat with
   * the bot (opened when needed) or to `address` when it is direct; `channel` posts to the address, tracked messages
   * as for events. Rejects with DeliveryError: `unreachable` (403/404, nothing stored), `rate-limited`, `failed`.
   */
  deliver(address: Address, reply: Reply, userId?: string): Promise<void>;
  /** Post one message into the address's conversation (its thread when set); resolves to the new message's id. */
  sendProactive(address: Address, message: OutboundMessage): Promise<string | undefined>;
  /** Whether the conversation's roster (TeamsInfo) lists the person; false for a conversation the bot is not in. */
  isMember(workspace: string, conversationId: string, userId: string): Promise<boolean>;
}

export function createTeamsAdapter(config: TeamsAdapterConfig): TeamsAdapter {
  const { bot, store, logger } = config;
  const appId = config.appId ?? "";
  if (!appId) {
    logger.warn({}, "Teams without MICROSOFT_APP_ID: requests are NOT authenticated; use this for local testing only");
  }
  // With an app id, every request must carry a valid Bot Framework token (401 otherwise) and replies are signed;
  // without one, botbuilder turns both off.
  const adapter = new CloudAdapter(
    botAuthentication(
      {
        appId,
        appPassword: config.appPassword ?? "",
        appType: config.appType ?? "MultiTenant",
        appTenantId: config.appTenantId ?? "",
      },
      config.authority,
    ),
  );
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, type: context.activity.type }, "teams turn failed");
  };

  const keys = config.keys ?? createKeys();
  const refs = createConversationRefs({ store, keys, clock: config.clock ?? systemClock });
  const conversations = createConversations({ adapter, appId, refs, retry: { ...DEFAULT_RETRY, ...config.retry } });
  const delivery = createDelivery({
    conversations,
    refs,
    store,
    keys,
    logger,
    ...(config.fileLinks ? { fileLinks: config.fileLinks } : {}),
  });
  const firstDelivery = createReplayCheck({ store, keys, logger });
  const handler = new MlopsAssessTeamsHandler({ bot, refs, conversations, delivery, logger, firstDelivery });

  return {
    handler(req, res) {
      readActivityBody(req)
        .then((body) => {
          const response = botResponse(res, (status, detail) => {
            if (status === 401) logger.warn({ detail }, "teams request not authenticated");
            else logger.error({ status, detail }, "teams request failed in botbuilder");
          });
          return adapter.process(botRequest(req, body), response, (context) => handler.run(context));
        })
        .catch((error: unknown) => {
          if (error instanceof RequestBodyError) return sendError(res, error.status, error.message);
          logger.error({ err: error }, "teams request failed");
          sendError(res, 500, "internal error");
        });
    },
    deliver: (address, reply, userId) =>
      delivery.proactive(address, reply, userId).catch((error: unknown) => {
        throw toDeliveryError(error);
      }),
    isMember: (workspace, conversationId, userId) => conversations.isMember(workspace, conversationId, userId),
    sendProactive: (address, message) =>
      delivery.post(address, message).catch((error: unknown) => {
        throw toDeliveryError(error);
      }),
  };
}

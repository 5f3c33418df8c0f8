import { z } from "zod";
import type { Clock } from "../../src/chat/ports.js";
import { CONVERSATION_REF_TTL_MS, type Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { DAY_MS } from "../../src/time-units.js";
import { channelDataNamesOf, splitConversationId, type TeamsActivity, tenantOf } from "./schema.js";

/**
 * What a proactive post needs (botbuilder's ConversationReference, minus the person and the message), stored per
 * conversation for as long as the bot is installed there. Channel references point at the channel, not a thread,
 * so a nudge starts a new post.
 */
export const referenceSchema = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.object({
    id: z.string().min(1),
    tenantId: z.string().optional(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
});
export type StoredReference = z.infer<typeof referenceSchema>;

const NAME_MAX = 200;

export const storedConversationSchema = z.object({
  reference: referenceSchema,
  /** `unreachable`: the connector answered 403/404, so nothing is sent there until someone talks to the bot again. */
  state: z.enum(["installed", "uninstalled", "unreachable"]),
  /** When the bot last heard from this conversation (ISO). */
  seenAt: z.string(),
  reason: z.string().optional(),
  /** What people call the conversation ("Acme Corp › Chat SDK"), read at install: shown instead of its id. */
  name: z.string().max(NAME_MAX).optional(),
});
export type StoredConversation = z.infer<typeof storedConversationSchema>;

/** The person's 1:1 chat with the bot, so private replies and nudges need not create it again. */
export const personalChatSchema = z.object({ personalChat: z.string().min(1) });

/** A reference seen again within a day is not written again: every message would otherwise be a store write. */
const REFRESH_AFTER_MS = DAY_MS;

/** Nothing is sent where the app was removed or the connector refused (403/404), until someone writes there again. */
export const isReachable = (stored: StoredConversation | undefined): boolean => stored?.state === "installed";

/** A conversation's reference and the tenant it belongs to, as read off an activity. */
export interface FoundReference {
  workspace: string;
  reference: StoredReference;
  /** The conversation's name, when this activity carried it (installs do; most messages do not). */
  name?: string;
  /**
   * The name is a channel's without its team's (channel messages carry only that): it names a conversation stored
   * without a name, but does not replace the "team › channel" an install stored.
   */
  partialName?: boolean;
}

export interface ConversationRefs {
  /**
   * Store (or refresh) a reference: one read off an activity, or one we built (a 1:1 chat the bot just created).
   * Returns what is stored now, with the name it keeps.
   */
  save(found: FoundReference): Promise<StoredConversation | undefined>;
  /** The app was removed there: keep the reference (for the record) but send nothing. */
  uninstalled(found: FoundReference): Promise<void>;
  unreachable(workspace: string, conversationId: string, reason: string): Promise<void>;
  get(workspace: string, conversationId: string): Promise<StoredConversation | undefined>;
  personalChat(workspace: string, userId: string): Promise<string | undefined>;
  rememberPersonalChat(workspace: string, userId: string, conversationId: string): Promise<void>;
}

/** The reference of an activity's conversation (with the thread suffix removed), when it has everything needed. */
export function referenceOf(activity: TeamsActivity): FoundReference | undefined {
  const workspace = tenantOf(activity);
  const { serviceUrl, conversation, recipient } = activity;
  if (!workspace || !serviceUrl || !conversation || !recipient) return undefined;
  const reference: StoredReference = {
    serviceUrl,
    channelId: activity.channelId ?? "msteams",
    conversation: {
      id: splitConversationId(conversation.id).channel,
      tenantId: workspace,
      ...(conversation.conversationType ? { conversationType: conversation.conversationType } : {}),
      ...(conversation.isGroup === undefined ? {} : { isGroup: conversation.isGroup }),
    },
    bot: { id: recipient.id, ...(recipient.name ? { name: recipient.name } : {}) },
  };
  const names = channelDataNamesOf(activity);
  const name = [names.team, names.channel ?? conversation.name]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(" › ")
    .slice(0, NAME_MAX);
  const partialName = Boolean(name) && !names.team && conversation.conversationType === "channel";
  // Stored references are read back through referenceSchema: one that would not read back (an empty channelId)
  // is not written, or it would break every later post to that conversation until it expires.
  return referenceSchema.safeParse(reference).success
    ? { workspace, reference, ...(name ? { name } : {}), ...(partialName ? { partialName } : {}) }
    : undefined;
}

const sameReference = (a: StoredReference, b: StoredReference) =>
  a.serviceUrl === b.serviceUrl && a.conversation.id === b.conversation.id && a.bot.id === b.bot.id;

export function createConversationRefs(deps: { store: Store; keys: Keys; clock: Clock }): ConversationRefs {
  const { store, keys, clock } = deps;
  const scope = (workspace: string) => ({ platform: "teams" as const, workspace });
  const refKey = (workspace: string, conversationId: string) =>
    keys.conversationRef(scope(workspace), splitConversationId(conversationId).channel);
  const personalKey = (workspace: string, userId: string) => keys.userProfile(scope(workspace), userId);

  async function upsert({ workspace, reference, name: seen, partialName }: FoundReference) {
    const now = clock();
    const { value } = await store.update(
      refKey(workspace, reference.conversation.id),
      storedConversationSchema,
      (current) => {
        const fresh = current && now.getTime() - Date.parse(current.seenAt) < REFRESH_AFTER_MS;
        const name = partialName && current?.name ? current.name : (seen ?? current?.name);
        const same = current?.state === "installed" && sameReference(current.reference, reference);
        if (same && fresh && name === current.name) return undefined;
        const next: StoredConversation = {
          reference,
          state: "installed",
          seenAt: now.toISOString(),
          ...(name ? { name } : {}),
        };
        return next;
      },
      CONVERSATION_REF_TTL_MS,
    );
    return value;
  }

  async function mark(workspace: string, conversationId: string, state: StoredConversation["state"], reason: string) {
    await store.update(
      refKey(workspace, conversationId),
      storedConversationSchema,
      (current) => (current ? { ...current, state, reason } : undefined),
      CONVERSATION_REF_TTL_MS,
    );
  }

  return {
    save: upsert,
    uninstalled: (found) => mark(found.workspace, found.reference.conversation.id, "uninstalled", "app removed"),
    unreachable: (workspace, conversationId, reason) => mark(workspace, conversationId, "unreachable", reason),
    get: (workspace, conversationId) => store.get(refKey(workspace, conversationId), storedConversationSchema),
    async personalChat(workspace, userId) {
      return (await store.get(personalKey(workspace, userId), personalChatSchema))?.personalChat;
    },
    async rememberPersonalChat(workspace, userId, conversationId) {
      await store.update(
        personalKey(workspace, userId),
        personalChatSchema,
        (current) => (current?.personalChat === conversationId ? undefined : { personalChat: conversationId }),
        CONVERSATION_REF_TTL_MS,
      );
    },
  };
}

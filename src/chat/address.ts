import { z } from "zod";
import { ellipsize } from "./short-text.js";

/**
 * Where a conversation happens, in platform-neutral terms. Adapters own the mapping to platform ids;
 * every stored key is scoped by platform + workspace so one workspace can never reach another's data.
 */
export const platformSchema = z.enum(["slack", "teams", "terminal"]);
export type Platform = z.infer<typeof platformSchema>;

const idPart = z.string().min(1).max(512);

/** Room for a Slack channel name (80) or a Teams "team › channel"; longer ones are cut by conversationName. */
export const CONVERSATION_NAME_MAX = 100;

export const addressSchema = z.object({
  platform: platformSchema,
  /** Slack team (workspace) id, Teams tenant id, or "local" in the terminal. */
  workspace: idPart,
  /** Slack channel or DM id, Teams conversation id. */
  channel: idPart,
  /** Slack thread ts or Teams reply chain, when the message sits in a thread. */
  thread: idPart.optional(),
  /** A one-to-one conversation between the bot and one person. */
  isDirect: z.boolean(),
  /**
   * What people call the conversation, as the adapter writes it ("#ml-platform" in Slack, "Acme › Platform" in
   * Teams), when the platform said so: charts and titles name the team by it, never by its id.
   */
  name: z.string().min(1).max(CONVERSATION_NAME_MAX).optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const userSchema = z.object({
  id: idPart,
  name: z.string().max(256).optional(),
  /** IANA time zone when the platform tells us (Slack profile tz, Teams localTimezone). */
  timeZone: z.string().max(64).optional(),
  /** Workspace or channel admin, as far as the platform lets the adapter know. */
  isAdmin: z.boolean().optional(),
});
export type ChatUser = z.infer<typeof userSchema>;

/** The team a conversation belongs to: a channel (or a DM for a personal assessment). */
export interface TeamScope {
  platform: Platform;
  workspace: string;
  channel: string;
}

export function teamOf(address: Address): TeamScope {
  return { platform: address.platform, workspace: address.workspace, channel: address.channel };
}

/**
 * A conversation's name as the platform sent it, fit for `Address.name`: one line, no private-use characters (they
 * mark command, channel and link tokens in outbound text, and a name must not forge one) or lone surrogates, cut
 * to the limit.
 */
export function conversationName(raw: string | undefined): string | undefined {
  const name = raw
    ?.replace(/[\p{Co}\p{Cs}]/gu, "")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
  return name ? ellipsize(name, CONVERSATION_NAME_MAX) : undefined;
}

import { channelIdsIn, nameChannels } from "../../src/chat/channel-refs.js";
import type { OutboundMessage } from "../../src/chat/outbound.js";
import type { ConversationRefs } from "./references.js";

/** What a channel is called when its name was never stored (installed before names were kept): never its id. */
export const UNNAMED_CHANNEL = "a team channel";

/**
 * Channels a message names, by the names stored when the app was installed there ("Acme Corp › Chat SDK"); a
 * Teams id ("19:…@thread.tacv2") means nothing to people and, unbreakable, clips the card.
 */
export async function withChannelNames(
  refs: ConversationRefs,
  workspace: string,
  message: OutboundMessage,
): Promise<OutboundMessage> {
  const ids = channelIdsIn(message);
  if (ids.length === 0) return message;
  const names = new Map(await Promise.all(ids.map(async (id) => [id, (await refs.get(workspace, id))?.name] as const)));
  return nameChannels(message, (id) => names.get(id) ?? UNNAMED_CHANNEL);
}

import type { Address } from "../../src/chat/address.js";
import type { SupportedEvent } from "../../src/chat/inbound.js";
import { blockActionsPayload, commandPayload } from "./schema.js";

/**
 * Where an event came from, as far as delivering replies needs it: the conversation, the person, the
 * response_url Slack gave us, and the message or Home tab whose button was clicked. Proactive posts (nudges)
 * have only an address and maybe a person.
 */
export interface Origin {
  address: Address;
  userId?: string;
  responseUrl?: string;
  /** The message whose button was clicked (for `replace`). */
  clicked?: { channel: string; ts: string; ephemeral: boolean };
  /** The event came from the App Home tab: private replies are published there instead of sent as messages. */
  home?: "opened" | "clicked";
}

export function originOf(event: SupportedEvent): Origin {
  const base: Origin = { address: event.address, userId: event.user.id };
  if (event.kind === "home") return { ...base, home: "opened" };

  const command = commandPayload.safeParse(event.raw);
  if (command.success)
    return { ...base, ...(command.data.response_url ? { responseUrl: command.data.response_url } : {}) };

  const click = blockActionsPayload.safeParse(event.raw);
  if (!click.success) return base;
  const { container, response_url } = click.data;
  const withUrl = { ...base, ...(response_url ? { responseUrl: response_url } : {}) };
  if (container.type === "view") return { ...withUrl, home: "clicked" };
  return {
    ...withUrl,
    clicked: { channel: container.channel_id, ts: container.message_ts, ephemeral: container.is_ephemeral },
  };
}

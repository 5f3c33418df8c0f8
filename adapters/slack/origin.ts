import type { Address } from "../../src/chat/address.js";

/**
 * Where an event came from, as far as delivering replies needs it: the conversation, the person, the
 * response_url Slack gave us, and the message or Home tab whose button was clicked. Proactive posts (nudges)
 * have only an address and maybe a person. Read off the payload with the event, once (parse.ts).
 */
export interface Origin {
  address: Address;
  userId?: string;
  responseUrl?: string;
  /** The message whose button was clicked (for `replace`). */
  clicked?: { channel: string; ts: string; ephemeral: boolean };
  /** Slack's trigger_id (slash commands and clicks): lets a reply open a modal, for three seconds. */
  triggerId?: string;
  /** The event came from the App Home tab: private replies are published there instead of sent as messages. */
  home?: "opened" | "clicked";
}

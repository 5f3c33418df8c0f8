import { z } from "zod";
import { buttonActionSchema } from "./actions.js";
import { addressSchema, userSchema } from "./address.js";
import { formIdSchema, formValuesSchema } from "./forms.js";

/**
 * Everything that reaches the bot, whatever the platform. Adapters parse payloads into exactly one of these;
 * anything they do not understand becomes `unsupported` (logged, never thrown).
 */
const common = {
  address: addressSchema,
  user: userSchema,
  /** The platform payload, kept for logging and platform extras; flows never read it. */
  raw: z.unknown(),
};

export const inboundEventSchema = z.discriminatedUnion("kind", [
  /** `/mlops-assess <text>` in Slack, or the same words sent to the bot in Teams or the terminal. */
  z.object({ kind: z.literal("command"), text: z.string().max(4000), ...common }),
  /** A button the bot posted was clicked. */
  z.object({ kind: z.literal("action"), action: buttonActionSchema, ...common }),
  /** A form the bot opened was submitted (Slack view_submission, a Teams card's inputs). */
  z.object({ kind: z.literal("submit"), form: formIdSchema, values: formValuesSchema, ...common }),
  /** One of our buttons was clicked, but what it carries means nothing now (an older release's, or forged). */
  z.object({ kind: z.literal("expired"), ...common }),
  /** Free text in a conversation with the bot that is not a command (e.g. an evidence link). */
  z.object({ kind: z.literal("text"), text: z.string().max(4000), ...common }),
  /** The person opened the bot's home (Slack App Home). */
  z.object({ kind: z.literal("home"), ...common }),
  /**
   * The app was added to a conversation: a channel or team (Slack: the bot joined a channel; Teams: installed in a
   * team or group chat) or a personal chat (Teams: installed for one person). `user` is who added it, when known.
   */
  z.object({ kind: z.literal("joined"), ...common }),
  z.object({ kind: z.literal("unsupported"), reason: z.string(), raw: z.unknown() }),
]);
export type InboundEvent = z.infer<typeof inboundEventSchema>;
export type SupportedEvent = Exclude<InboundEvent, { kind: "unsupported" }>;

import type { Activity } from "botbuilder";
import { checkedRender } from "../../src/chat/checked-render.js";
import type { OutboundMessage } from "../../src/chat/outbound.js";
import type { Logger } from "../../src/chat/ports.js";
import { adaptiveCard, textBlock } from "./render-elements.js";
import { fallbackText, renderCard } from "./render-message.js";
import { type AdaptiveCard, adaptiveCardSchema, CARD_CONTENT_TYPE } from "./render-schema.js";
import { safe } from "./text.js";

/** Render and check against the card schema; a card that breaks it still goes out, as its text. */
export function checkedCard(message: OutboundMessage, logger: Logger): AdaptiveCard {
  const fallback = () => adaptiveCard([textBlock(safe(fallbackText(message), 200))]);
  return checkedRender(renderCard(message), adaptiveCardSchema, fallback, {
    logger,
    what: "teams card",
    kind: message.kind,
  });
}

/** A message activity carrying the card; `summary` is what Teams shows in notifications. */
export function cardActivity(message: OutboundMessage, logger: Logger): Partial<Activity> {
  return {
    type: "message",
    summary: fallbackText(message),
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: checkedCard(message, logger) }],
  };
}

/** A plain text message addressed to a person with an @mention (Teams renders `<at>` only with the entity). */
export function mentionActivity(user: { id: string; name?: string }, text: string): Partial<Activity> {
  const name = (user.name ?? "there").replace(/[<>]/g, "");
  const mention = `<at>${name}</at>`;
  return {
    type: "message",
    text: `${mention} ${text}`,
    entities: [{ type: "mention", text: mention, mentioned: { id: user.id, name } }],
  };
}

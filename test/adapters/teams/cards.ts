import { z } from "zod";
import type { AdaptiveCard } from "../../../adapters/teams/render-schema.js";
import { type ButtonAction, decodeAction } from "../../../src/chat/actions.js";
import type { ConnectorCall } from "../../fakes/fake-bot-connector.js";

/** Reading what the bot sent: the card of a connector call, its buttons (with decoded actions) and its text. */
const attachmentsSchema = z.object({
  attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).optional(),
});

/** The Adaptive Card a connector call carried, if any. */
export function cardOf(call: ConnectorCall | undefined): AdaptiveCard | undefined {
  const parsed = attachmentsSchema.safeParse(call?.body);
  const card = parsed.success ? parsed.data.attachments?.[0]?.content : undefined;
  return card as AdaptiveCard | undefined;
}

export interface CardButton {
  title: string;
  type: string;
  fallbackType: string | undefined;
  style: string | undefined;
  /** The data Teams sends back on click. */
  data: unknown;
  action: ButtonAction | undefined;
}

/** Visit every object in a card (depth first, in order); `visit` returns false to skip an object's children. */
function walk(node: unknown, visit: (o: Record<string, unknown>) => boolean): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (typeof node === "object" && node !== null) {
    const o = node as Record<string, unknown>;
    if (visit(o)) for (const value of Object.values(o)) walk(value, visit);
  }
}

/** Every button in a card, wherever it sits, with its decoded action. */
export function buttonsOf(card: unknown): CardButton[] {
  const found: CardButton[] = [];
  walk(card, (o) => {
    if (typeof o.type !== "string" || !o.type.startsWith("Action.") || !("data" in o)) return true;
    const data = o.data as { ma?: unknown } | undefined;
    const fallback = o.fallback as { type?: string } | undefined;
    found.push({
      title: String(o.title),
      type: o.type,
      fallbackType: fallback?.type,
      style: typeof o.style === "string" ? o.style : undefined,
      data,
      action: decodeAction(data?.ma),
    });
    return false;
  });
  return found;
}

/** All text a card shows, in order (for assertions on what people read). */
export function textOf(card: unknown): string {
  const texts: string[] = [];
  walk(card, (o) => {
    if (o.type === "TextBlock" && typeof o.text === "string") texts.push(o.text);
    return true;
  });
  return texts.join("\n");
}

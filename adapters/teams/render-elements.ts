import { type ButtonAction, encodeAction } from "../../src/chat/actions.js";
import type { Button } from "../../src/chat/outbound.js";
import {
  ACTION_VERB,
  type AdaptiveCard,
  CARD_LIMITS,
  CARD_SCHEMA_URL,
  CARD_VERSION,
  type CardElement,
  type ExecuteAction,
  type TextBlock,
} from "./render-schema.js";
import { safe, shorten } from "./text.js";

/** Small builders for the Adaptive Card elements we send. Text given to them is already escaped. */
export function textBlock(text: string, options: Omit<TextBlock, "type" | "text" | "wrap"> = {}): TextBlock {
  return { type: "TextBlock", text: text.length > 0 ? text : "-", wrap: true, ...options };
}

/** A chart, full width; `alt` is plain text, escaped here. Teams clients fetch the image themselves. */
export function chartImage(chart: { url: string; alt: string }, altMax: number): CardElement {
  return { type: "Image", url: chart.url, altText: safe(chart.alt, altMax), size: "Stretch" };
}

const STYLES = { primary: "positive", danger: "destructive" } as const;

/**
 * A button: `Action.Execute` so Teams sends an `adaptiveCard/action` invoke and shows the card we answer with, and
 * an `Action.Submit` with the same data as its fallback for clients without Universal Actions. Titles are plain text.
 */
export function execute(label: string, action: ButtonAction, style?: Button["style"]): ExecuteAction {
  const title = shorten(label, CARD_LIMITS.actionTitle);
  const data = { ma: encodeAction(action) };
  const styled = style ? { style: STYLES[style] } : {};
  return {
    type: "Action.Execute",
    title,
    verb: ACTION_VERB,
    data,
    ...styled,
    fallback: { type: "Action.Submit", title, data, ...styled },
  };
}

export const buttons = (list: readonly Button[]): ExecuteAction[] =>
  list.map((b) => execute(b.label, b.action, b.style));

/** Buttons in rows Teams shows whole (an overflowing row would hide the last ones in a menu). */
export function actionSets(actions: readonly ExecuteAction[]): CardElement[] {
  const rows: CardElement[] = [];
  for (let i = 0; i < actions.length; i += CARD_LIMITS.actionsPerSet) {
    rows.push({ type: "ActionSet", actions: actions.slice(i, i + CARD_LIMITS.actionsPerSet) });
  }
  return rows;
}

export function adaptiveCard(body: CardElement[], options: { fullWidth?: boolean } = {}): AdaptiveCard {
  return {
    $schema: CARD_SCHEMA_URL,
    type: "AdaptiveCard",
    version: CARD_VERSION,
    body: body.length > 0 ? body : [textBlock("-")],
    ...(options.fullWidth ? { msteams: { width: "Full" } } : {}),
  };
}

import { type ButtonAction, encodeAction } from "../../src/chat/actions.js";
import { confirmationFor } from "../../src/chat/confirmations.js";
import type { Button } from "../../src/chat/outbound.js";
import {
  ACTION_VERB,
  type AdaptiveCard,
  CARD_LIMITS,
  CARD_SCHEMA_URL,
  CARD_VERSION,
  type CardAction,
  type CardElement,
  type CardImage,
  type ExecuteAction,
  type TextBlock,
} from "./render-schema.js";
import { safe, shorten } from "./text.js";

/** Small builders for the Adaptive Card elements we send. Text given to them is already escaped. */
export function textBlock(text: string, options: Omit<TextBlock, "type" | "text" | "wrap"> = {}): TextBlock {
  return { type: "TextBlock", text: text.length > 0 ? text : "-", wrap: true, ...options };
}

/** A chart, full width; `alt` is plain text, escaped here. Teams clients fetch the image themselves. */
export function chartImage(chart: { url: string; alt: string }, altMax: number): CardImage {
  return { type: "Image", url: chart.url, altText: safe(chart.alt, altMax), size: "Stretch" };
}

const STYLES = { primary: "positive", danger: "destructive" } as const;

/**
 * A button: `Action.Execute` so Teams sends an `adaptiveCard/action` invoke and shows the card we answer with, and
 * an `Action.Submit` with the same data as its fallback for clients without Universal Actions. Titles are plain text.
 */
export function execute(label: string, action: ButtonAction, style?: Button["style"], spoken?: string): ExecuteAction {
  const title = shorten(label, CARD_LIMITS.actionTitle);
  const data = { ma: encodeAction(action) };
  const extras = {
    ...(style ? { style: STYLES[style] } : {}),
    ...(spoken ? { tooltip: shorten(spoken, CARD_LIMITS.tooltip) } : {}),
  };
  return {
    type: "Action.Execute",
    title,
    verb: ACTION_VERB,
    data,
    ...extras,
    fallback: { type: "Action.Submit", title, data, ...extras },
  };
}

/**
 * A flow's button. One whose action cannot be undone (Cancel) opens a second card under it that asks first;
 * the action is sent only from there.
 */
export function neutralButton(b: Button): CardAction {
  const confirm = confirmationFor(b.action);
  if (!confirm) return execute(b.label, b.action, b.style);
  return {
    type: "Action.ShowCard",
    title: shorten(b.label, CARD_LIMITS.actionTitle),
    tooltip: confirm.title,
    card: {
      type: "AdaptiveCard",
      body: [textBlock(confirm.title, { weight: "Bolder" }), textBlock(confirm.text, { spacing: "Small" })],
      actions: [execute(confirm.yes, b.action, "danger")],
    },
  };
}

export const buttons = (list: readonly Button[]): CardAction[] => list.map(neutralButton);

/** A row people tap anywhere on, showing the whole text; `spoken` is what the tooltip and screen readers say. */
export function tappableRow(text: string, action: ButtonAction, spoken: string): CardElement {
  return {
    type: "Container",
    style: "emphasis",
    spacing: "Small",
    items: [textBlock(text)],
    selectAction: execute(spoken, action, undefined, spoken),
  };
}

/** Buttons in rows Teams shows whole (an overflowing row would hide the last ones in a menu). */
export function actionSets(actions: readonly CardAction[]): CardElement[] {
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

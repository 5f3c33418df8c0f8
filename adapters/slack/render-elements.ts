import { type ButtonAction, encodeAction } from "../../src/chat/actions.js";
import { type Confirmation, confirmationFor } from "../../src/chat/confirmations.js";
import type { Button } from "../../src/chat/outbound.js";
import { type Block, LIMITS, type SlackButton } from "./render-schema.js";
import { fitMrkdwn, fitPlain } from "./text.js";

/**
 * Small Block Kit builders. Text arguments are mrkdwn that is already escaped; the builders only fit it to
 * Slack's limits, so no caller has to remember them.
 */

/** Our action ids start with this; parse.ts ignores clicks on anything else. */
export const ACTION_ID_PREFIX = "ma:";

/** Builds action ids; `scope` keeps them unique when several messages share one view (the Home tab). */
export type ActionIds = (name: string) => string;
export const actionIds =
  (scope = ""): ActionIds =>
  (name) =>
    `${ACTION_ID_PREFIX}${scope}${name}`;

export function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: fitPlain(text, LIMITS.headerText), emoji: true } };
}

export function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: fitMrkdwn(text.trim() ? text : "-", LIMITS.sectionText) } };
}

/** Lines packed into as few sections as fit, one line never split across two (a long line is shortened). */
export function sections(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let current: string | undefined;
  for (const raw of lines) {
    const line = fitMrkdwn(raw, LIMITS.sectionText);
    if (current !== undefined && current.length + 1 + line.length > LIMITS.sectionText) {
      out.push(section(current));
      current = undefined;
    }
    current = current === undefined ? line : `${current}\n${line}`;
  }
  if (current !== undefined) out.push(section(current));
  return out;
}

export function context(texts: readonly string[]): Block {
  return {
    type: "context",
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: "mrkdwn" as const, text: fitMrkdwn(text.trim() ? text : "-", LIMITS.sectionText) })),
  };
}

/** What a button may add to its label: a style, what a screen reader says instead, a dialog before the click. */
export interface ButtonExtras {
  style?: "primary" | "danger" | undefined;
  spoken?: string;
  confirm?: Confirmation;
}

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: fitPlain(text, max) });

export function button(actionId: string, label: string, action: ButtonAction, extras: ButtonExtras = {}): SlackButton {
  const { style, spoken, confirm } = extras;
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: fitPlain(label, LIMITS.buttonText), emoji: true },
    value: encodeAction(action),
    ...(style ? { style } : {}),
    ...(spoken ? { accessibility_label: fitPlain(spoken, LIMITS.accessibilityLabel) } : {}),
    ...(confirm
      ? {
          confirm: {
            title: plain(confirm.title, LIMITS.confirmTitle),
            text: plain(confirm.text, LIMITS.confirmText),
            confirm: plain(confirm.yes, LIMITS.confirmButton),
            deny: plain(confirm.no, LIMITS.confirmButton),
            style: "danger" as const,
          },
        }
      : {}),
  };
}

/** A flow's button: its style, and the confirmation its action asks for (Slack's dialog, red "Yes"). */
export function neutralButton(actionId: string, b: Button): SlackButton {
  const confirm = confirmationFor(b.action);
  return button(actionId, b.label, b.action, { style: b.style, ...(confirm ? { confirm } : {}) });
}

/** A line of text with its own button at the right: one answer, readable whole on a phone. */
export function sectionWithButton(text: string, accessory: SlackButton): Block {
  return { ...section(text), accessory } as Block;
}

/** Pairs of columns (label, value), at most ten cells per section as Slack allows. */
export function fieldSections(cells: readonly string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < cells.length; i += LIMITS.sectionFields) {
    out.push({
      type: "section",
      fields: cells
        .slice(i, i + LIMITS.sectionFields)
        .map((text) => ({ type: "mrkdwn" as const, text: fitMrkdwn(text.trim() ? text : "-", LIMITS.fieldText) })),
    });
  }
  return out;
}

/** Buttons in rows of at most 25 (one actions block each); no block at all for no buttons. */
export function actions(buttons: readonly SlackButton[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    out.push({ type: "actions", elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return out;
}

export const divider = (): Block => ({ type: "divider" });

/** Slack fetches the image itself when it shows the message; the alt text is what screen readers say. */
export function image(url: string, alt: string): Block {
  return { type: "image", image_url: url, alt_text: fitPlain(alt, LIMITS.altText) };
}

/** Keep a message within Slack's block limit; the last block says that something was left out. */
export function capBlocks(blocks: readonly Block[], max: number): Block[] {
  if (blocks.length <= max) return [...blocks];
  return [...blocks.slice(0, max - 1), context(["_(shortened: too long for one Slack message)_"])];
}

/** The message's notification text (also what screen readers and old clients show); never empty. */
export function fallbackText(text: string): string {
  return fitMrkdwn(text.trim() ? text : "MLOps assessment", LIMITS.fallbackText);
}

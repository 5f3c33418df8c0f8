import { type ButtonAction, encodeAction } from "../../src/chat/actions.js";
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

export function button(
  actionId: string,
  label: string,
  action: ButtonAction,
  style?: "primary" | "danger",
): SlackButton {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: fitPlain(label, LIMITS.buttonText), emoji: true },
    value: encodeAction(action),
    ...(style ? { style } : {}),
  };
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

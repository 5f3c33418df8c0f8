import type { Block } from "../../../adapters/slack/render-schema.js";

/** All mrkdwn a message carries: these are the strings Slack would turn into mentions and links. */
export function mrkdwnOf(message: { text: string; blocks: Block[] }): string[] {
  return [
    message.text,
    ...message.blocks.flatMap((b) =>
      b.type === "section"
        ? [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)]
        : b.type === "context"
          ? b.elements.map((e) => e.text)
          : [],
    ),
  ];
}

/** Every button, in the order people see them: actions rows and the buttons beside sections. */
export const buttonsOfBlocks = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? b.elements : b.type === "section" && b.accessory ? [b.accessory] : []));

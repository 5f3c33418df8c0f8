import type { Block } from "../../adapters/slack/render-schema.js";
import type { CardElement } from "../../adapters/teams/render-schema.js";

/**
 * How tall a message is on a 400 px phone, from its rendered payload: text wrapped at the characters a line holds
 * in each client's font and size, times the line height, plus the spacing between blocks. The widths were read off
 * the gallery's 400 px screenshots (docs/gallery/measurements.json holds the measured heights to compare with).
 */
const wrapped = (text: string, perLine: number) =>
  text.split("\n").reduce((lines, line) => lines + Math.max(1, Math.ceil(line.length / perLine)), 0);

/** Slack mobile: 15 px Lato in a column of about 310 px (an avatar gutter on the left). */
const SLACK = { body: 41, field: 19, context: 52, header: 30, line: 22, contextLine: 18, headerLine: 24, gap: 8 };

/** Mention and entity markup takes characters the reader never sees. */
const visible = (mrkdwn: string) => mrkdwn.replace(/&[a-z]+;/g, "x").replace(/[*_]/g, "");

export function slackPhoneHeight(blocks: readonly Block[]): number {
  let height = 22 + 16; // the app's name line and the message's padding
  for (const block of blocks) {
    switch (block.type) {
      case "header":
        height += wrapped(block.text.text, SLACK.header) * SLACK.headerLine + SLACK.gap;
        break;
      case "context":
        height += block.elements.reduce((h, e) => h + wrapped(visible(e.text), SLACK.context), 0) * SLACK.contextLine;
        height += SLACK.gap;
        break;
      case "section": {
        let rows = block.text ? wrapped(visible(block.text.text), block.accessory ? SLACK.body - 12 : SLACK.body) : 0;
        const fields = (block.fields ?? []).map((f) => wrapped(visible(f.text), SLACK.field));
        for (let i = 0; i < fields.length; i += 2) rows += Math.max(fields[i] ?? 0, fields[i + 1] ?? 0);
        height += Math.max(rows * SLACK.line, block.accessory ? 36 : 0) + SLACK.gap;
        break;
      }
      case "actions":
        height += Math.ceil(block.elements.length / 3) * 36 + SLACK.gap;
        break;
      case "divider":
        height += 17;
        break;
      case "image":
        height += 200;
        break;
    }
  }
  return height;
}

/** Teams mobile: 14 px Segoe UI in a card about 330 px wide inside its padding. */
const TEAMS = { Default: 44, Small: 52, Medium: 40, Large: 30 } as const;
const TEAMS_LINE = { Default: 19, Small: 16, Medium: 22, Large: 26 } as const;
const SPACING = { None: 0, Small: 8, Default: 12, Medium: 16, Large: 20 } as const;

function teamsHeight(element: CardElement, width = 1): number {
  const gap = "spacing" in element && element.spacing ? SPACING[element.spacing] : SPACING.Default;
  switch (element.type) {
    case "TextBlock": {
      const size = element.size ?? "Default";
      const perLine = Math.floor(TEAMS[size] * width);
      return gap + wrapped(element.text.replace(/\\(.)/g, "$1").replace(/\*\*/g, ""), perLine) * TEAMS_LINE[size];
    }
    case "ColumnSet": {
      // The auto column takes what its text needs; the stretch column the rest.
      const share = element.columns.length > 1 ? 0.62 : 1;
      const heights = element.columns.map((c) =>
        c.items.reduce(
          (h, item) => h + teamsHeight(item, c.width === "stretch" ? share : 1 - share) - SPACING.Default,
          0,
        ),
      );
      return gap + Math.max(...heights);
    }
    case "Container":
      return gap + element.items.reduce((h, item) => h + teamsHeight(item, width), 0) + (element.style ? 16 : 0);
    case "ActionSet":
      return gap + Math.ceil(element.actions.length / 3) * 40;
    case "Image":
      return gap + 200;
    case "Input.ChoiceSet":
    case "Input.Date":
    case "Input.Time":
    case "Input.Text":
      // A label line and a 32 px field.
      return gap + TEAMS_LINE.Default + 32;
  }
}

export function teamsPhoneHeight(body: readonly CardElement[]): number {
  return 32 + body.reduce((h, element) => h + teamsHeight(element), 0);
}

/** One phone screen: 844 pt tall, less the client's top bar and compose box, what a message can fill at once. */
export const PHONE_SCREEN_PX = 740;

import { linkSafeUrl, writeLinks } from "../../src/chat/links.js";
import { escapeMrkdwn } from "./text.js";

/**
 * Links in a rendered message become Slack links, `<url|label>`, in mrkdwn and in the notification text; plain text
 * (headers, button labels) cannot link, so there the address follows the label.
 */
export function slackLinks<T>(rendered: T): T {
  return writeLinks(rendered, (link, parent) =>
    parent.type === "mrkdwn" || "blocks" in parent
      ? `<${linkSafeUrl(link.url)}|${escapeMrkdwn(link.label)}>`
      : `${link.label} (${link.url})`,
  );
}

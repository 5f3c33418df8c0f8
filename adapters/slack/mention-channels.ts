import { nameChannels } from "../../src/chat/channel-refs.js";

/** Channel ids as Slack writes them; anything else is not mentioned (it would not be a channel). */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,30}$/;

/**
 * Channels named in a rendered message become `<#C…>` mentions, which Slack shows as the channel's name to people
 * who can see it, in mrkdwn and in the notification text. Plain text (headers, button labels) cannot mention, so
 * there it says "a team channel" rather than show an id.
 */
export function mentionChannels<T>(rendered: T): T {
  return nameChannels(rendered, (id, parent) => {
    const mrkdwn = parent.type === "mrkdwn" || "blocks" in parent;
    return mrkdwn && CHANNEL_ID.test(id) ? `<#${id}>` : "a team channel";
  });
}

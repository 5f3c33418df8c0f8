import type { OutboundMessage } from "../../src/chat/outbound.js";
import { capBlocks, context, divider, header, section } from "./render-elements.js";
import { renderMessage } from "./render-message.js";
import { type HomeView, LIMITS } from "./render-schema.js";

/**
 * The App Home tab: what the app is, how to start, then the bot's answer to "home" (usually the person's
 * assessment to resume, as a question they can answer right here). Clicks in the Home tab come back as
 * `block_actions` from a view, and the reply is published into the tab again.
 */
export function renderHome(messages: readonly OutboundMessage[]): HomeView {
  const intro = [
    header("MLOps maturity assessment"),
    section(
      "Measure your team's MLOps maturity in a few minutes, round after round, and get the next concrete step.\n" +
        "• In a team channel: `/mlops-assess` opens a round everyone answers privately.\n" +
        "• Here in my messages: `/mlops-assess` starts a personal assessment.",
    ),
    context(["`/mlops-assess help` lists every command."]),
  ];
  // Each message gets its own action-id scope: Slack wants ids unique within a block, we keep them unique per view.
  const body = messages.flatMap((message, i) => [divider(), ...renderMessage(message, `h${i}:`).blocks]);
  return { type: "home", blocks: capBlocks([...intro, ...body], LIMITS.viewBlocks) };
}

import type { Address, ChatUser } from "../src/chat/address.js";
import { command } from "../src/chat/command-words.js";
import type { Reply } from "../src/chat/outbound.js";
import type { FlowContext } from "./context.js";
import { homeReplies } from "./home.js";

/**
 * Teams delivers channel messages to a bot only when it is @mentioned; Slack's slash command needs nothing. The
 * name is the app's short name in the Teams manifest (scripts/teams-package/manifest.json).
 */
const TEAMS_MENTION = "@MLOps Assess";

/**
 * What the app says when it is added somewhere: in a channel or team, what it does, how to start and the privacy
 * rule in one line each, with a Start button; in a personal chat, a welcome and then the person's home (what to
 * resume, their last result, help), which is the Teams stand-in for Slack's App Home.
 */
export async function welcomeReplies(ctx: FlowContext, address: Address, user: ChatUser): Promise<Reply[]> {
  if (address.isDirect) {
    return [
      {
        message: {
          kind: "notice",
          text: "Hi! I measure MLOps maturity in a few minutes and name the next concrete step.",
          lines: [
            `Here, ${command()} starts an assessment just for you.`,
            "Add me to your team's channel to run rounds the whole team answers.",
          ],
          buttons: [],
        },
        delivery: { to: "private" },
      },
      ...(await homeReplies(ctx, address, user)),
    ];
  }
  const mention =
    address.platform === "teams" ? [`In this channel, mention me first: ${TEAMS_MENTION} ${command("help")}.`] : [];
  return [
    {
      message: {
        kind: "notice",
        text: "Hi! I measure this team's MLOps maturity, round after round, and name the next concrete step.",
        lines: [
          `Start a round with ${command()}: everyone answers privately, in about 3 minutes.`,
          "Privacy: answers are private by default; the team sees levels, not who answered what.",
          `Everything I can do: ${command("help")}.`,
          ...mention,
        ],
        buttons: [{ label: "Start a round", action: { a: "start", c: address.channel, m: "quick" }, style: "primary" }],
      },
      delivery: { to: "channel" },
    },
  ];
}

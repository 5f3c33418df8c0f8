import type { Address, ChatUser } from "../src/chat/address.js";
import { channelRef } from "../src/chat/channel-refs.js";
import type { Reply } from "../src/chat/outbound.js";
import { score } from "../src/engine/score.js";
import { helpLines, settingsButton } from "./commands/registry.js";
import { type FlowContext, isPersonalScope, teamScope } from "./context.js";
import { privately } from "./replies.js";
import { personalSummary } from "./summary/summary-message.js";

/** Settings buttons on the Home tab: one per team, for the first few teams listed. */
const HOME_SETTINGS_BUTTONS = 5;

/**
 * The person's home (Slack App Home): their assessment to resume, their last result, the latest level of each
 * team in the workspace (levels only, never anyone's answers), and help.
 */
export async function homeReplies(ctx: FlowContext, address: Address, user: ChatUser): Promise<Reply[]> {
  const replies: Reply[] = [];
  const pointer = await ctx.repo.active(address, user.id);
  const mine = pointer
    ? await ctx.repo.response(teamScope(address, pointer.channel), pointer.roundId, user.id)
    : undefined;
  if (pointer && mine?.status === "in-progress") {
    replies.push({
      message: {
        kind: "notice",
        text: `You have an assessment in progress (${Object.keys(mine.answers).length} answered).`,
        lines: [],
        buttons: [
          { label: "Resume", action: { a: "resume", c: pointer.channel, r: pointer.roundId }, style: "primary" },
        ],
      },
      delivery: { to: "private" },
    });
  } else if (mine?.status === "completed") {
    const result = score(ctx.model, mine.mode, mine.answers);
    replies.push({
      message: personalSummary({ model: ctx.model, title: "Your last result" }, result),
      delivery: { to: "private" },
    });
  }
  // Personal assessments are their people's own, not teams to list.
  const teams = (await ctx.repo.teamsOf(address)).filter((channel) => !isPersonalScope(channel));
  const shown = (
    await Promise.all(
      teams.slice(0, 20).map(async (channel) => {
        const last = (await ctx.repo.history(teamScope(address, channel))).at(-1)?.snapshot;
        return last
          ? {
              channel,
              line: `${channelRef(channel)}: Level ${last.overall} ${ctx.model.levels[last.overall]?.name ?? ""}`,
            }
          : undefined;
      }),
    )
  ).filter((team) => team !== undefined);
  if (shown.length > 0) {
    // Each team's settings form opens from here too (saving checks the same permissions as in the channel).
    // Button labels are plain text, where a channel cannot be named: the numbers match the list's.
    const buttons = shown.slice(0, HOME_SETTINGS_BUTTONS).map((t, i) => ({
      ...settingsButton(t.channel),
      label: `Settings ${i + 1}`,
    }));
    replies.push(
      privately(
        "Latest team levels:",
        shown.map((t, i) => `${i + 1}. ${t.line}`),
        buttons,
      ),
    );
  }
  replies.push(privately("What I can do:", helpLines()));
  return replies;
}

import type { ChatUser } from "../../src/chat/address.js";
import type { Reply } from "../../src/chat/outbound.js";
import { type CommandEvent, type FlowContext, teamScope } from "../context.js";
import { privately } from "../replies.js";
import type { Round } from "../rounds/round-state.js";
import type { Permission } from "./command.js";

/** Closing rounds and changing targets or schedules: the round's opener or an admin (or anyone before a round). */
export function mayManage(user: ChatUser, round: Round | undefined): boolean {
  return user.isAdmin === true || round === undefined || round.openedBy.id === user.id;
}

/** What a person who may not run a command is told (nothing changes); undefined when they may. */
export async function refusal(
  ctx: FlowContext,
  event: CommandEvent,
  permission: Permission,
): Promise<Reply | undefined> {
  const { address, user } = event;
  switch (permission.who) {
    case "anyone":
      return undefined;
    case "admin":
      if (user.isAdmin) return undefined;
      return privately(`Only a workspace admin can ${permission.to}.`, [
        `If you run this bot, add your id ${user.id} to ADMIN_USER_IDS.`,
      ]);
    case "manager": {
      const round = await ctx.repo.latestRound(teamScope(address, address.channel));
      if (mayManage(user, round)) return undefined;
      return privately(`Only the person who opened the latest round or an admin can ${permission.to}.`);
    }
  }
}

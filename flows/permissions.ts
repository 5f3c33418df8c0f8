import type { ChatUser } from "../src/chat/address.js";
import type { Round } from "./rounds/round-state.js";

/** Closing rounds and changing targets or schedules: the round's opener or an admin (or anyone before a round). */
export function mayManage(user: ChatUser, round: Round | undefined): boolean {
  return user.isAdmin === true || round === undefined || round.openedBy.id === user.id;
}

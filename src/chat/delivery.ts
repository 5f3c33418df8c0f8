import type { Address } from "./address.js";
import type { Reply } from "./outbound.js";

/**
 * How an adapter delivers the bot's replies. Slack and Teams both implement it; what an origin holds (a
 * response_url, a clicked message, a turn's conversation) and what a turn yields are theirs.
 */
export interface Delivery<Origin, TurnResult = void> {
  /** An event's replies, in order. Never rejects: failures are logged and the person is told once. */
  inTurn(origin: Origin, replies: readonly Reply[]): Promise<TurnResult>;
  /** A reply outside any event (nudges); rejects when the platform refuses, for the scheduler to pace or stop. */
  proactive(address: Address, reply: Reply, userId?: string): Promise<void>;
}

import type { Address, ChatUser, TeamScope } from "../src/chat/address.js";
import type { Clock, Logger, Membership } from "../src/chat/ports.js";
import type { AssessmentModel } from "../src/engine/model-schema.js";
import type { ActionRepo } from "./actions/action-repo.js";
import type { FlowEvents } from "./events.js";
import type { WebhookRepo } from "./hooks/webhook-repo.js";
import type { ScheduleRepo } from "./nudge/schedule-repo.js";
import type { RoundRepo } from "./rounds/round-repo.js";

/** What every flow handler needs; built once by createBot. */
export interface FlowContext {
  repo: RoundRepo;
  schedules: ScheduleRepo;
  /** The team's adopted next steps. */
  actions: ActionRepo;
  /** The teams' re-check webhooks. */
  webhooks: WebhookRepo;
  /** The app's public base URL (webhook addresses), when it has one. */
  publicUrl?: string;
  model: AssessmentModel;
  clock: Clock;
  logger: Logger;
  /** Tells listeners (metrics) what happened: an assessment started or completed, a request failed. */
  emit: FlowEvents;
  /** Who the platform says belongs to a channel: lets a person join its round from outside it. */
  membership: Membership;
  /** A round closes by itself this many days after it opened. */
  roundDays: number;
  /** Below this many respondents a team summary hides the spread and disagreement (they would reveal answers). */
  minRespondentsForSpread: number;
}

/** Who typed a command, and where. */
export interface CommandEvent {
  address: Address;
  user: ChatUser;
}

/** The address of a team's channel, seen from any event of the same workspace (e.g. a click in a DM). */
export function channelAddress(from: Pick<Address, "platform" | "workspace">, channel: string): Address {
  return { platform: from.platform, workspace: from.workspace, channel, isDirect: false };
}

export function teamScope(from: Address, channel: string): TeamScope {
  return { platform: from.platform, workspace: from.workspace, channel };
}

/**
 * Personal assessments are kept under the person, never under the conversation: a DM between two people (or a group
 * DM) is one conversation for several people, and each of them must only ever see their own answers.
 */
const PERSONAL_PREFIX = "personal:";

export function isPersonalScope(channel: string): boolean {
  return channel.startsWith(PERSONAL_PREFIX);
}

/** Where a command's round lives: the team's channel, or in a direct conversation the person's own scope. */
export function scopeOf({ address, user }: CommandEvent): TeamScope {
  return teamScope(address, address.isDirect ? `${PERSONAL_PREFIX}${user.id}` : address.channel);
}

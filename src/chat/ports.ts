import { CodedError } from "../errors.js";
import type { Address, TeamScope } from "./address.js";
import type { InboundEvent, SupportedEvent } from "./inbound.js";
import type { Reply } from "./outbound.js";

/**
 * The platform-neutral bot as adapters see it: one event in, replies out. The adapter delivers each reply
 * according to its delivery intent. Implemented by flows/bot.ts.
 */
export interface ChatBot {
  handle(event: InboundEvent): Promise<Reply[]>;
}

/**
 * What an adapter asks about an event before it acknowledges it (flows/intake.ts answers): an ack promises that a
 * change is kept, so changes are handled before it; and whether the person's profile is worth looking up on the
 * way there (the flow may use nothing but their id).
 */
export interface IntakePolicy {
  changesState(event: SupportedEvent): boolean;
  needsProfile(event: SupportedEvent): boolean;
}

/**
 * What the platform says about who belongs to a team's conversation (Slack `conversations.members`, the Teams
 * roster). Answers false when the platform cannot be asked: membership is only ever granted, never assumed.
 */
export interface Membership {
  isMember(team: TeamScope, userId: string): Promise<boolean>;
}

/** Injected clock, so flows, nudges and tests agree on "now". */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export type LogLevel = "debug" | "info" | "warn" | "error";

/** The logging the core needs; pino's logger satisfies it. Structured fields first, message second. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  /** pino has it: callers that would build many lines for a level that is off can skip the work. */
  isLevelEnabled?(level: LogLevel): boolean;
}

/**
 * Proactive delivery (nudges), outside any incoming event. Adapters implement it; `userId` is who a private reply
 * goes to. Failures are reported as DeliveryError so the scheduler can pace, retry or stop.
 */
export interface Notifier {
  deliver(address: Address, reply: Reply, userId?: string): Promise<void>;
}

export type DeliveryFailure = "rate-limited" | "unreachable" | "failed";

export class DeliveryError extends CodedError {
  readonly code = "delivery_failed";
  constructor(
    readonly reason: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * What a platform said about the app's credentials when asked at start-up (Slack `auth.test`, a Teams token):
 * `refused` means they are known bad (the app cannot work until they are fixed); `unverified` means the platform
 * could not be asked (unreachable, rate-limited), which says nothing about the credentials.
 */
export type CredentialCheck =
  | { state: "verified"; identity: string }
  | { state: "refused"; reason: string }
  | { state: "unverified"; reason: string };

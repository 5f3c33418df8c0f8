import type { InboundEvent } from "./inbound.js";
import type { Reply } from "./outbound.js";

/**
 * The platform-neutral bot as adapters see it: one event in, replies out. The adapter delivers each reply
 * according to its delivery intent. Implemented by flows/bot.ts.
 */
export interface ChatBot {
  handle(event: InboundEvent): Promise<Reply[]>;
}

/** Injected clock, so flows, nudges and tests agree on "now". */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** The logging the core needs; pino's logger satisfies it. Structured fields first, message second. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

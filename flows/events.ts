import type { Platform } from "../src/chat/address.js";
import type { Mode } from "../src/engine/answers.js";

/**
 * What happened, as the flows know it: emitted where it happens, counted by whoever listens (app/flow-metrics.ts).
 * Nothing here guesses from the shape of a reply.
 */
export type FlowEvent =
  | { type: "assessment-started"; platform: Platform; mode: Mode }
  | { type: "assessment-completed"; platform: Platform; mode: Mode }
  | { type: "request-failed"; platform: Platform; code: string }
  /** A request that did not happen for a reason the person was told (refused, invalid, expired, closed). */
  | { type: "request-refused"; platform: Platform; code: string };

export type FlowEvents = (event: FlowEvent) => void;

export const ignoreEvents: FlowEvents = () => {};

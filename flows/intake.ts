import type { SupportedEvent } from "../src/chat/inbound.js";
import type { IntakePolicy } from "../src/chat/ports.js";
import { findCommand } from "./commands/registry.js";

/**
 * Whether handling this event can change what is stored: an answer, a round, a setting, a deletion. Adapters
 * write those before they acknowledge them (an ack is a promise that the change is kept); the rest (commands marked
 * `readsOnly`, the Home tab, free text) they may acknowledge first and handle after.
 */
export function changesState(event: SupportedEvent): boolean {
  switch (event.kind) {
    case "action":
    case "submit":
      return true;
    case "command":
      return findCommand(event.text).command.readsOnly !== true;
    default:
      return false;
  }
}

/** Clicks inside a questionnaire, which act on the person's own answers: their id is all the flow uses. */
const IN_QUESTIONNAIRE: ReadonlySet<string> = new Set(["answer", "back", "skip", "cancel", "resume"]);

/**
 * Whether the flow uses more of the person than their id (display name, admin rights, time zone). Adapters that
 * look a profile up (a cache read, or the platform's API) can skip it for the rest: it is on the way to the ack.
 */
export function needsProfile(event: SupportedEvent): boolean {
  return !(event.kind === "action" && IN_QUESTIONNAIRE.has(event.action.a));
}

/** Both answers, as the adapters are given them (app/create-app.ts). */
export const intakePolicy: IntakePolicy = { changesState, needsProfile };

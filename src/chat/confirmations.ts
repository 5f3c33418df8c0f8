import type { ButtonAction } from "./actions.js";

/** A question asked before a click that cannot be undone, in the same words on every platform. */
export interface Confirmation {
  title: string;
  text: string;
  yes: string;
  no: string;
}

/**
 * Cancel ends the assessment and its answers no longer count, so it is asked twice (Slack: a `confirm` dialog; Teams:
 * a second card under the button). Other buttons act at once.
 */
export function confirmationFor(action: ButtonAction): Confirmation | undefined {
  if (action.a !== "cancel") return undefined;
  return {
    title: "Cancel this assessment?",
    text: "Your answers so far will not count. You can start again any time.",
    yes: "Yes, cancel",
    no: "Keep going",
  };
}

import { errorCode } from "../errors.js";
import type { ProblemMessage } from "./outbound.js";

/** What people read when their request failed, by error code: what happened, then what to do; the log has the detail. */
const TEXT: Record<string, [text: string, next: string]> = {
  store_unavailable: [
    "I can't reach my storage right now.",
    "Please try again in a moment: nothing you already answered is lost.",
  ],
  store_conflict: ["Several changes to the same thing arrived at once.", "Please try again; nothing was lost."],
};
const FALLBACK: [string, string] = [
  "Something went wrong on my side.",
  "Please try again; your earlier answers are safe.",
];

/** The one place an error becomes a message to a person, on every platform. */
export function errorMessage(error: unknown): ProblemMessage {
  const code = errorCode(error);
  const [text, next] = TEXT[code] ?? FALLBACK;
  return { kind: "error", text, lines: [next], buttons: [], code };
}

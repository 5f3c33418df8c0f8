import { errorCode } from "../errors.js";
import type { ProblemMessage } from "./outbound.js";

/** What people read when their request failed, by error code; the log has the detail. */
const TEXT: Record<string, string> = {
  store_unavailable:
    "I can't reach my storage right now. Please try again in a moment: nothing you already answered is lost.",
  store_conflict: "Several changes to the same thing arrived at once. Please try again; nothing was lost.",
};
const FALLBACK = "Something went wrong on my side. Please try again; your earlier answers are safe.";

/** The one place an error becomes a message to a person, on every platform. */
export function errorMessage(error: unknown): ProblemMessage {
  const code = errorCode(error);
  return { kind: "error", text: TEXT[code] ?? FALLBACK, lines: [], buttons: [], code };
}

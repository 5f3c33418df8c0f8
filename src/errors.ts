/**
 * The one base of every error the app raises on purpose: a stable `code` for logs and metrics (never a message to
 * compare), and the `cause` when it wraps another error. Anything else that is thrown (a library's error, a bug)
 * counts as "unexpected"; src/chat/error-message.ts is the one place that turns any of them into what a person reads.
 */
export abstract class CodedError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export const UNEXPECTED = "unexpected";

export function errorCode(error: unknown): string {
  return error instanceof CodedError ? error.code : UNEXPECTED;
}

/** A state the code should never reach (a reply routed where it cannot go): a bug to fix, with what it was given. */
export class InvariantError extends CodedError {
  readonly code = "invariant_broken";
}

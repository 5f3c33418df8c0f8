import { z } from "zod";
import { DeliveryError } from "../../src/chat/ports.js";

/**
 * What the Bot Connector's answers mean for delivery. botbuilder's client throws a RestError carrying the HTTP
 * status and response; only those two facts are read, through zod, so an SDK change shows up as "failed", not a crash.
 */
const restError = z.object({
  statusCode: z.number(),
  response: z
    .object({ headers: z.object({ get: z.custom<(name: string) => unknown>((v) => typeof v === "function") }) })
    .optional(),
});

export function connectorStatus(error: unknown): number | undefined {
  const parsed = restError.safeParse(error);
  return parsed.success ? parsed.data.statusCode : undefined;
}

/** Retry-After (seconds, or an HTTP date) of a 429, in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  if (!restError.safeParse(error).success) return undefined;
  // Called on the error itself, not zod's copy: the headers object needs its own `this`.
  const { response } = error as z.infer<typeof restError>;
  const header = response?.headers.get("retry-after");
  if (typeof header !== "string" || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** 403: the bot was blocked, removed or disabled there; 404: the conversation is gone. Retrying cannot help. */
export const isUnreachableStatus = (status: number | undefined): boolean => status === 403 || status === 404;

/** A connector failure in the neutral terms the nudge scheduler acts on. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const status = connectorStatus(error);
  if (status === 429)
    return new DeliveryError("rate-limited", "Teams rate limit", retryAfterMs(error), { cause: error });
  const reason = isUnreachableStatus(status) ? "unreachable" : "failed";
  return new DeliveryError(reason, `Teams refused: ${status ?? "no HTTP status"}`, undefined, { cause: error });
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** First backoff when the connector gives no Retry-After; doubled on each try, with jitter. */
  baseDelayMs: number;
  /** A longer wait (Retry-After or backoff) is not waited out here: the caller gets "rate-limited" and reschedules. */
  maxDelayMs: number;
}

/**
 * botbuilder's HTTP pipeline already retries a 429 with Retry-After three times (waiting what it says) and 5xx
 * with exponential backoff. A 429 that still comes out of it is retried here a bounded number of times, so a burst
 * (a nudge fan-out hitting Teams' per-thread limit) gets through without holding a request for minutes.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };

export async function retryRateLimited<T>(run: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (connectorStatus(error) !== 429 || attempt >= policy.attempts) throw error;
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
      const wait = retryAfterMs(error) ?? backoff;
      if (wait > policy.maxDelayMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

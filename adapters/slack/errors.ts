import { z } from "zod";
import { DeliveryError } from "../../src/chat/ports.js";
import { slackErrorCode } from "./slack-api.js";

/** Slack answers meaning the app can no longer post there: stop trying instead of retrying forever. */
const UNREACHABLE = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "invalid_auth",
  "token_revoked",
  "team_access_not_granted",
  "user_not_found",
]);

const rateLimited = z.object({ code: z.literal("slack_webapi_rate_limited_error"), retryAfter: z.number() });

/** A Web API failure in the neutral terms the nudge scheduler acts on. */
export function toDeliveryError(error: unknown): DeliveryError {
  const limited = rateLimited.safeParse(error);
  if (limited.success) {
    return new DeliveryError("rate-limited", "Slack rate limit", limited.data.retryAfter * 1000, { cause: error });
  }
  const code = slackErrorCode(error) ?? "unknown";
  return new DeliveryError(UNREACHABLE.has(code) ? "unreachable" : "failed", `Slack refused: ${code}`, undefined, {
    cause: error,
  });
}

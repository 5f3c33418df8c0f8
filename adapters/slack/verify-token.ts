import { webApi } from "@slack/bolt";
import { z } from "zod";
import type { CredentialCheck, Logger } from "../../src/chat/ports.js";
import { boltLogger } from "./bolt-logger.js";
import { slackErrorCode } from "./slack-api.js";

/** Slack's answers to auth.test that mean the token itself is bad (Slack's auth.test and "Errors" docs). */
const REFUSALS = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
  "team_disabled",
]);

const identity = z.object({ user_id: z.string(), team_id: z.string(), bot_id: z.string().optional() });

/**
 * `auth.test` with the bot token, once, without retries: start-up must say at once whether Slack accepts the
 * token, not after the client's ten retries over half an hour.
 */
export async function verifySlackToken(options: {
  token: string;
  apiUrl?: string;
  timeoutMs: number;
  logger: Logger;
}): Promise<CredentialCheck> {
  const client = oneShotClient(options.token, options);
  try {
    const who = identity.parse(await client.auth.test());
    const bot = who.bot_id ? ` (${who.bot_id})` : "";
    return { state: "verified", identity: `bot user ${who.user_id}${bot} in workspace ${who.team_id}` };
  } catch (error) {
    return failedCheck(error, REFUSALS);
  }
}

/** A client that asks once: a credential check must answer now, not after ten retries over half an hour. */
export function oneShotClient(
  token: string | undefined,
  options: { apiUrl?: string; timeoutMs: number; logger: Logger },
): InstanceType<typeof webApi.WebClient> {
  return new webApi.WebClient(token, {
    logger: boltLogger(options.logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });
}

/** Slack's error code decides: one of `refusals` means the credentials are bad; anything else, not known. */
export function failedCheck(error: unknown, refusals: ReadonlySet<string>): CredentialCheck {
  const code = slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
  return refusals.has(code) ? { state: "refused", reason: code } : { state: "unverified", reason: code };
}

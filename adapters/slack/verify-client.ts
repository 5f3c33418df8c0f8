import type { CredentialCheck, Logger } from "../../src/chat/ports.js";
import { slackErrorCode } from "./slack-api.js";
import { failedCheck, oneShotClient } from "./verify-token.js";

/** Slack's answers to oauth.v2.access that mean the app's own credentials are wrong (its oauth.v2.access docs). */
const REFUSALS = new Set(["invalid_client_id", "bad_client_secret", "invalid_client"]);
/** The code is checked after the client: this answer means Slack accepted the client id and secret. */
const CLIENT_ACCEPTED = "invalid_code";
/** Never a real code: the exchange cannot succeed, whatever Slack thinks of the client. */
const PROBE_CODE = "readiness-probe";

/**
 * Multi-workspace readiness: there is no one token to auth.test at start-up (there may be none yet, or thousands),
 * but the client id and secret every install depends on can be checked: oauth.v2.access with a code that cannot
 * be valid answers `invalid_code` to a good client and `invalid_client_id` / `bad_client_secret` to a bad one.
 */
export async function verifySlackClient(options: {
  clientId: string;
  clientSecret: string;
  apiUrl?: string;
  timeoutMs: number;
  logger: Logger;
}): Promise<CredentialCheck> {
  const client = oneShotClient(undefined, options);
  try {
    await client.oauth.v2.access({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code: PROBE_CODE,
    });
    return { state: "unverified", reason: "oauth.v2.access accepted a code that cannot be valid" };
  } catch (error) {
    if (slackErrorCode(error) === CLIENT_ACCEPTED) {
      return { state: "verified", identity: `client ${options.clientId} (multi-workspace: tokens per installation)` };
    }
    return failedCheck(error, REFUSALS);
  }
}

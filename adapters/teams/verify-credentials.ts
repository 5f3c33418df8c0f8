import { MicrosoftAppCredentials } from "botframework-connector";
import { z } from "zod";
import type { CredentialCheck } from "../../src/chat/ports.js";

/**
 * MSAL's errors: `ServerError` is Microsoft Entra ID answering (AADSTS7000215 wrong secret, AADSTS700016 unknown
 * app id, AADSTS90002 unknown tenant): the credentials are known bad. Anything else (`ClientAuthError`
 * network_error, a time-out) means the token service could not be asked.
 */
const msalError = z.object({ name: z.string(), errorCode: z.string().optional(), errorMessage: z.string().optional() });

export function classifyTokenError(error: unknown): CredentialCheck {
  const parsed = msalError.safeParse(error);
  const message = error instanceof Error ? error.message : String(error);
  if (parsed.success && parsed.data.name === "ServerError") {
    const aadCode = /AADSTS\d+/.exec(parsed.data.errorMessage ?? message)?.[0];
    return { state: "refused", reason: [parsed.data.errorCode, aadCode].filter(Boolean).join(" ") || message };
  }
  return { state: "unverified", reason: parsed.success && parsed.data.errorCode ? parsed.data.errorCode : message };
}

/**
 * Fetch a Bot Framework token with the app's id and secret, as the first reply would (botbuilder's own
 * credentials, so the same tenant and scope): a wrong secret shows at start-up, not at the first person's message.
 */
export async function fetchTeamsToken(options: {
  appId: string;
  appPassword: string;
  /** SingleTenant apps get their token from their own tenant; MultiTenant ones from botframework.com. */
  appTenantId?: string;
  timeoutMs: number;
}): Promise<CredentialCheck> {
  const credentials = new MicrosoftAppCredentials(options.appId, options.appPassword, options.appTenantId);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
  });
  try {
    await Promise.race([credentials.getToken(true), timeout]);
    return { state: "verified", identity: `app ${options.appId}` };
  } catch (error) {
    return classifyTokenError(error);
  } finally {
    clearTimeout(timer);
  }
}

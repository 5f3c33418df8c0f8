import { type Activity, CallerIdConstants, ConfigurationBotFrameworkAuthentication, StatusCodes } from "botbuilder";
import { type AuthenticateRequestResult, AuthenticationConstants, AuthenticationError } from "botframework-connector";

/**
 * Where botbuilder fetches the keys that sign incoming tokens, and the issuer it expects. Production leaves it
 * unset (Microsoft's public cloud); the auth tests point it at a loopback OpenID server.
 */
export interface TokenAuthority {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}

export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: "MultiTenant" | "SingleTenant";
  appTenantId: string;
}

/**
 * botbuilder's own token validation, with one change: every token it cannot validate gets 401. botbuilder throws
 * its AuthenticationError (401) for a wrong audience, issuer or an expired token, but passes on jsonwebtoken's own
 * errors for an `alg: none`, HS256 or unsigned token, which CloudAdapter answers with 500: a forged token is the
 * caller's problem, not a failure of ours.
 */
class TokenRejectingAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new AuthenticationError(`token rejected: ${why}`, StatusCodes.UNAUTHORIZED);
    }
  }
}

export function botAuthentication(credentials: BotCredentials, authority?: TokenAuthority) {
  return new TokenRejectingAuthentication({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.appTenantId,
    // botbuilder takes a custom authority only as the whole set; the rest keeps the public cloud's values.
    ...(authority
      ? {
          ToBotFromChannelOpenIdMetadataUrl: authority.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: authority.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: authority.tokenIssuer,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
          ValidateAuthority: true,
        }
      : {}),
  });
}

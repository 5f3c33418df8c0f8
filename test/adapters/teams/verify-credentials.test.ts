import { describe, expect, it } from "vitest";
import { classifyTokenError } from "../../../adapters/teams/verify-credentials.js";

/** MSAL's errors as @azure/msal-common builds them (name, errorCode, errorMessage; ServerError = Entra ID answered). */
function msalError(name: string, errorCode: string, errorMessage: string): Error {
  return Object.assign(new Error(`${errorCode}: ${errorMessage}`), { name, errorCode, errorMessage });
}

describe("a Teams token fetch's failure", () => {
  it("is 'refused' when Microsoft Entra ID answered: the secret or app id is wrong", () => {
    const wrongSecret = msalError(
      "ServerError",
      "invalid_client",
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client " +
        "secret value, not the client secret ID",
    );
    expect(classifyTokenError(wrongSecret)).toEqual({ state: "refused", reason: "invalid_client AADSTS7000215" });
    const unknownApp = msalError("ServerError", "unauthorized_client", "AADSTS700016: Application not found");
    expect(classifyTokenError(unknownApp)).toEqual({ state: "refused", reason: "unauthorized_client AADSTS700016" });
  });

  it("is 'unverified' when the token service could not be asked", () => {
    const offline = msalError("ClientAuthError", "network_error", "Network request failed");
    expect(classifyTokenError(offline)).toEqual({ state: "unverified", reason: "network_error" });
    expect(classifyTokenError(new Error("no answer within 5000 ms"))).toEqual({
      state: "unverified",
      reason: "no answer within 5000 ms",
    });
  });
});

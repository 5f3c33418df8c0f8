import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback stand-in for the Bot Framework's token signing service: an OpenID metadata document and its JWKS
 * (one RSA key, endorsed for msteams, as login.botframework.com publishes them), and the signing side for tests:
 * RS256 tokens with the published key, and the forgeries a validator must refuse.
 */
export interface FakeOpenId {
  /** `.well-known/openid-configuration` URL: what botbuilder is pointed at. */
  metadataUrl: string;
  /** The issuer tokens carry (`iss`). */
  issuer: string;
  /** RS256 with the published key (or `key`, a key the JWKS does not hold). */
  signRs256(claims: Record<string, unknown>, key?: KeyObject): string;
  /** HS256 with the public key's PEM as the HMAC secret: the classic algorithm-confusion forgery. */
  signHs256WithPublicKey(claims: Record<string, unknown>): string;
  /** `alg: none`, no signature. */
  unsignedNone(claims: Record<string, unknown>): string;
  /** An RS256 header with the signature left off. */
  unsignedRs256(claims: Record<string, unknown>): string;
  /** Requests for the metadata and the keys so far. */
  fetches(): string[];
  close(): Promise<void>;
}

export const KEY_ID = "fake-botframework-key-1";
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function startFakeOpenId(): Promise<FakeOpenId> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" });
  const fetched: string[] = [];
  let base = "";
  const server = createServer((req, res) => {
    fetched.push(req.url ?? "");
    res.setHeader("content-type", "application/json");
    if (req.url === "/v1/.well-known/openid-configuration") {
      return void res.end(
        JSON.stringify({
          issuer: `${base}/`,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
        }),
      );
    }
    if (req.url === "/v1/.well-known/keys") {
      return void res.end(
        JSON.stringify({
          keys: [{ kty: "RSA", use: "sig", kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }],
        }),
      );
    }
    res.statusCode = 404;
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const unsigned = (alg: string, claims: Record<string, unknown>) =>
    `${part({ alg, typ: "JWT", kid: KEY_ID })}.${part(claims)}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openid-configuration`,
    issuer: "https://api.botframework.test",
    signRs256(claims, key = privateKey) {
      const data = unsigned("RS256", claims);
      return `${data}.${sign("sha256", Buffer.from(data), key).toString("base64url")}`;
    },
    signHs256WithPublicKey(claims) {
      const data = unsigned("HS256", claims);
      const secret = publicKey.export({ format: "pem", type: "spki" });
      return `${data}.${createHmac("sha256", secret).update(data).digest("base64url")}`;
    },
    unsignedNone: (claims) => `${unsigned("none", claims)}.`,
    unsignedRs256: (claims) => `${unsigned("RS256", claims)}.`,
    fetches: () => [...fetched],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

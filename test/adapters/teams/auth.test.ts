import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type FakeOpenId, startFakeOpenId } from "../../fakes/fake-openid.js";
import { createEchoBot, type EchoBot, notice } from "../slack/echo-bot.js";
import { recorded, startTeamsHarness, type TeamsHarness } from "./harness.js";

/**
 * Real Teams authentication: botbuilder's own token validation (CloudAdapter with an app id), pointed through its
 * configuration at a loopback OpenID metadata document and JWKS. Tokens are RS256, signed with the published key
 * as the Bot Framework signs them; every forgery must get 401, never 500, and never reach the bot.
 */
const APP_ID = "0b7e1a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b";
let openId: FakeOpenId;
let bot: EchoBot;
let teams: TeamsHarness;

beforeAll(async () => {
  openId = await startFakeOpenId();
  bot = createEchoBot();
  teams = await startTeamsHarness({
    bot,
    appId: APP_ID,
    authority: { openIdMetadataUrl: openId.metadataUrl, tokenIssuer: openId.issuer },
  });
});
afterAll(async () => {
  await teams.close();
  await openId.close();
});
beforeEach(() => {
  bot.events.length = 0;
});

const now = () => Math.floor(Date.now() / 1000);
/** The claims the Bot Framework puts in a token for this bot: issuer, audience = app id, the activity's serviceUrl. */
const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: openId.issuer,
  aud: APP_ID,
  serviceurl: teams.connector.serviceUrl,
  nbf: now() - 60,
  iat: now() - 60,
  exp: now() + 3600,
  ...overrides,
});

/** A direct message asking for its replies in the HTTP answer (expectReplies): no outgoing call needs a token. */
function send(token: string | undefined) {
  const activity = {
    ...recorded("vercel-chat_dm_teams.json", "dmMessage"),
    id: `auth-${Date.now()}`,
    text: "status",
    deliveryMode: "expectReplies",
  };
  return teams.post(activity, token === undefined ? {} : { authorization: `Bearer ${token}` });
}

describe("Teams authentication with botbuilder's own validation", () => {
  it("lets a valid RS256 token through: 200, the bot answers", async () => {
    bot.reply = () => [notice("you are in", { to: "private" })];
    const result = await send(openId.signRs256(claims()));
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.json)).toContain("you are in");
    expect(bot.events).toHaveLength(1);
    // The keys came from the loopback authority, as botbuilder was configured: metadata, then the JWKS.
    expect(openId.fetches()).toEqual(["/v1/.well-known/openid-configuration", "/v1/.well-known/keys"]);
  });

  it.each([
    ["no token", () => undefined],
    ["wrong audience (another bot's app id)", () => openId.signRs256(claims({ aud: "another-bots-app-id" }))],
    ["wrong issuer", () => openId.signRs256(claims({ iss: "https://api.botframework.attacker" }))],
    ["expired", () => openId.signRs256(claims({ exp: now() - 3600, nbf: now() - 7200, iat: now() - 7200 }))],
    ["serviceUrl claim for another connector", () => openId.signRs256(claims({ serviceurl: "https://evil.test/" }))],
    ["signed by a key the JWKS does not hold", () => openId.signRs256(claims(), otherKey())],
    ["alg: none", () => openId.unsignedNone(claims())],
    ["HS256 with the public key as secret", () => openId.signHs256WithPublicKey(claims())],
    ["unsigned (RS256 header, no signature)", () => openId.unsignedRs256(claims())],
    ["not a JWT", () => "not-a-token"],
  ])("refuses %s with 401, never 500, and never reaches the bot", async (_case, token) => {
    // botbuilder reports each refusal on console.error as well; the test keeps the output readable.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await send(token());
    quiet.mockRestore();
    expect(result.status).toBe(401);
    expect(result.json).toEqual({ error: "unauthorized" });
    expect(bot.events).toEqual([]);
  });
});

function otherKey() {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
}

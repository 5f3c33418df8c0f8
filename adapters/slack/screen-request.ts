import type { IncomingMessage } from "node:http";
import { defaultBodyLimit, HTTPModuleFunctions, isRawBodyError } from "@slack/bolt";
import { z } from "zod";

/**
 * What Bolt's HTTPReceiver does not survive: it trusts that a verified body is an object it can route. A signed
 * `null` throws outside its error handling (an unhandled rejection, which ends the process), and an object it
 * cannot type is never acknowledged, so the request hangs for three seconds and then gets 404. So every request is
 * verified and parsed here first, exactly as the receiver will (it reuses the buffered body), and goes on to Bolt
 * only when it is a payload Bolt routes to this app or answers itself.
 */
const routedPayload = z.union([
  z.object({ ssl_check: z.literal("1") }),
  z.object({ type: z.literal("url_verification") }),
  z.object({ command: z.string() }),
  z.object({ type: z.literal("block_actions"), actions: z.array(z.unknown()) }),
  z.object({ type: z.literal("event_callback"), event: z.object({}).loose() }),
]);

export type Screened = { pass: true } | { pass: false; status: 200 | 400 | 413; reason: string };

export async function screenSlackRequest(req: IncomingMessage, signingSecret: string): Promise<Screened> {
  let body: unknown;
  try {
    const buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
      { signingSecret, bodyLimit: defaultBodyLimit },
      req,
    );
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch (error) {
    if (isRawBodyError(error)) {
      return error.type === "entity.too.large"
        ? { pass: false, status: 413, reason: "body too large" }
        : { pass: false, status: 400, reason: `body unreadable: ${error.type}` };
    }
    // Unsigned, stale or not JSON: Bolt answers those itself (401, 400) from the body buffered above.
    return { pass: true };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { pass: false, status: 400, reason: "body is not an object" };
  }
  // Signed by Slack but nothing this app subscribes to (view_submission, shortcuts, …): acknowledged and dropped.
  return routedPayload.safeParse(body).success
    ? { pass: true }
    : { pass: false, status: 200, reason: "payload Bolt does not route to this app" };
}

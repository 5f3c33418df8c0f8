import { createHmac } from "node:crypto";

/**
 * Sign and send requests the way Slack does (doc "Verifying requests from Slack"): `v0=` + hex HMAC-SHA256 of
 * `v0:<timestamp>:<raw body>`. Content types are exactly Slack's: Bolt compares `application/x-www-form-urlencoded`
 * with ===, so a `; charset=…` suffix would turn a valid request into a 400.
 */
export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";

export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A slash command's form body. */
export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
/** An interaction (block_actions, view_submission): one form field `payload` holding the JSON. */
export const interactionBody = (payload: unknown): string => `payload=${encodeURIComponent(JSON.stringify(payload))}`;

export interface SignedPost {
  secret: string;
  body: string;
  contentType: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Override the computed signature (bad-signature tests). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  text: string;
  /** Time from sending until the whole response arrived (the ack latency Slack sees). */
  ms: number;
}

export async function postSigned(url: string, post: SignedPost): Promise<PostResult> {
  const timestamp = post.timestamp ?? nowSeconds();
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": post.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": post.signature ?? slackSignature(post.secret, timestamp, post.body),
      ...post.headers,
    },
    body: post.body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

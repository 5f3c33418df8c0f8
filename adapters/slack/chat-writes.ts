import { webApi } from "@slack/bolt";
import { type KeptAliveHttp, type PlainResponse, responseHeaders } from "./keep-alive-fetch.js";
import type { SlackMessage } from "./render-schema.js";

/**
 * chat.postMessage, chat.update and chat.postEphemeral: every click sends one of them, so they are posted as JSON
 * (which Slack accepts for its write methods) with the bot token in the Authorization header, straight to the
 * kept-alive connections. Through @slack/web-api each such call went through a request queue, a retry wrapper, a
 * debug-log copy of the body and a form encoding of the blocks' JSON text: measured on the bench, about 200 KB of
 * garbage per click, three fifths of everything the click path allocated, and the young-generation collections
 * that go with it land on the acks of the clicks after it. For the same reason the body is encoded once, into
 * bytes (node:http would copy a string body whole to put its headers in front, and flatten it twice), and the
 * answer is read as node:http gives it, without a WHATWG Response and its streams.
 *
 * What callers see stays the same: the same error classes as the client (a refusal is a WebAPIPlatformError with
 * Slack's `error`, a 429 a WebAPIRateLimitedError at once, without waiting), and the same retries of network
 * failures and HTTP errors, with the client's back-off.
 */
export interface ChatWrites {
  /**
   * `where` (channel, ts, thread_ts, user) and the message, as one JSON body. The same message object sent again
   * (a rendered question several people are shown) is encoded once: its bytes are kept while the object lives.
   */
  call(method: ChatMethod, where: ChatTarget, message: SlackMessage): Promise<Record<string, unknown>>;
}

export type ChatMethod = "chat.postMessage" | "chat.update" | "chat.postEphemeral";
/** The fields that say where a message goes; never `text` or `blocks`, which the message brings. */
export type ChatTarget = { channel: string } & Record<string, string>;

export interface ChatWritesOptions {
  token: string;
  /** Ends with `/api/`. */
  apiUrl: string;
  /** Retries of network failures and HTTP errors (not of Slack's refusals); @slack/web-api's default is 10. */
  retries: number;
  request: KeptAliveHttp["request"];
  /** Waits between tries (tests: none). */
  sleep?: (ms: number) => Promise<void>;
}

/** @slack/web-api's default policy (`tenRetriesInAboutThirtyMinutes`): its growth factor, from retry's 1 s start. */
const BACKOFF_FACTOR = webApi.retryPolicies.tenRetriesInAboutThirtyMinutes.factor ?? 2;
const FIRST_WAIT_MS = 1000;

const COMMA = Buffer.from(",");

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createChatWrites(options: ChatWritesOptions): ChatWrites {
  const sleep = options.sleep ?? pause;
  const headers = {
    authorization: `Bearer ${options.token}`,
    "content-type": "application/json; charset=utf-8",
  };

  async function once(method: ChatMethod, body: Buffer): Promise<Record<string, unknown>> {
    let response: PlainResponse;
    try {
      response = await options.request(`${options.apiUrl}${method}`, {
        method: "POST",
        headers,
        body,
        refuseRedirects: true,
      });
    } catch (error) {
      throw new webApi.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    if (response.status === 429) {
      const seconds = Number(response.headers["retry-after"]);
      throw new webApi.WebAPIRateLimitedError(Number.isFinite(seconds) && seconds >= 0 ? seconds : 1);
    }
    const text = response.body.toString("utf8");
    if (response.status !== 200) {
      const headers = Object.fromEntries(responseHeaders(response.headers).entries());
      throw new webApi.WebAPIHTTPError(response.status, response.statusText, headers, text);
    }
    const result = parseResult(text);
    if (result.ok !== true) {
      throw new webApi.WebAPIPlatformError({ ...result, ok: false, error: String(result.error ?? "unknown_error") });
    }
    return result;
  }

  const encoded = new WeakMap<SlackMessage, Buffer>();
  /** `{"channel":…,"ts":…` then `,"text":…,"blocks":[…]}`: the message's own JSON with its brace dropped. */
  function bodyOf(where: ChatTarget, message: SlackMessage): Buffer {
    let bytes = encoded.get(message);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(message));
      encoded.set(message, bytes);
    }
    const head = Buffer.from(JSON.stringify(where));
    // "{}" has no field to join: the body is `where` alone.
    if (bytes.length <= 2) return head;
    return Buffer.concat([head.subarray(0, head.length - 1), COMMA, bytes.subarray(1)]);
  }

  return {
    async call(method, where, message) {
      const bytes = bodyOf(where, message);
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(method, bytes);
        } catch (error) {
          const retryable = error instanceof webApi.WebAPIRequestError || error instanceof webApi.WebAPIHTTPError;
          if (!retryable || attempt >= options.retries) throw error;
          await sleep(FIRST_WAIT_MS * BACKOFF_FACTOR ** attempt * (1 + Math.random()));
        }
      }
    },
  };
}

function parseResult(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Not JSON: reported below like any other answer without `ok: true`.
  }
  return { ok: false, error: "invalid_response" };
}

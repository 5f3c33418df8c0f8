import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** Idle connections are closed after this long at the latest. */
const IDLE_TIMEOUT_MS = 30_000;

/** An answer as node:http gives it, read whole: what a caller that needs no WHATWG Response reads. */
export interface PlainResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PlainRequest {
  method: string;
  headers: Record<string, string>;
  /** A Buffer goes out as it is; a string is encoded on the way. */
  body?: Buffer | string;
  signal?: AbortSignal;
  /** Reject a 3xx answer instead of returning it (never followed either way). */
  refuseRedirects: boolean;
}

export interface KeptAliveHttp {
  /**
   * The `fetch` @slack/web-api calls for every Web API method. Only what the client sends goes this way (a POST
   * with a string body); anything else, file uploads as FormData included, is left to global fetch.
   */
  fetch: typeof fetch;
  /** The same connections without the WHATWG wrapping: chat writes, one per click, use this (chat-writes.ts). */
  request(url: string, init: PlainRequest): Promise<PlainResponse>;
}

/**
 * Web API calls on node:http with keep-alive agents. Global fetch (undici) keeps connections alive too, but wraps
 * every call in WHATWG streams and request objects: measured on the bench, this costs about a quarter less CPU
 * per Web API call, and every click makes one. Like the client's own fetch call it never follows redirects, and
 * honours an abort signal.
 *
 * The time limit is ours rather than the client's `timeout`: that one is an AbortSignal.timeout per call, whose
 * timer still fires (and builds a DOMException) ten seconds after every call that long finished; this timer is
 * cleared as soon as the answer is in.
 */
export function keepAliveHttp(options: { timeoutMs: number }): KeptAliveHttp {
  const { timeoutMs } = options;
  // With a timeout set, node:http also honours the server's Keep-Alive hint (closing a second before the server
  // would), so an idle connection is not reused just as the server drops it.
  const pool = { keepAlive: true, timeout: IDLE_TIMEOUT_MS };
  const agents = { http: new HttpAgent(pool), https: new HttpsAgent(pool) };

  function request(url: string, init: PlainRequest): Promise<PlainResponse> {
    const secure = url.startsWith("https:");
    const send = secure ? httpsRequest : httpRequest;
    return new Promise<PlainResponse>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      const req = send(
        url,
        {
          method: init.method,
          headers: init.headers,
          agent: secure ? agents.https : agents.http,
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (init.refuseRedirects && status >= 300 && status < 400) {
            res.resume();
            fail(new TypeError(`fetch failed: redirect to ${res.headers.location ?? "(no location)"} refused`));
            return;
          }
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", fail);
          res.on("end", () => {
            clearTimeout(timer);
            const body = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
            resolve({ status, statusText: res.statusMessage ?? "", headers: res.headers, body });
          });
        },
      );
      timer = setTimeout(() => req.destroy(new Error(`Web API request timed out after ${timeoutMs} ms`)), timeoutMs);
      req.on("error", fail);
      req.end(init.body);
    });
  }

  const keptAliveFetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : undefined;
    const body = init?.body;
    if (url === undefined || (body !== undefined && body !== null && typeof body !== "string")) {
      return fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
    }
    const answer = await request(url, {
      method: init?.method ?? "GET",
      headers: headerRecord(init?.headers),
      ...(body ? { body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
      refuseRedirects: init?.redirect === "error",
    });
    // A Response may not carry a body for these statuses.
    const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
    return new Response(empty ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: responseHeaders(answer.headers),
    });
  };

  return { fetch: keptAliveFetch, request };
}

function headerRecord(headers: RequestInit["headers"]): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  const out: Record<string, string> = {};
  // A header record may leave a value undefined: such a header is not sent.
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}

/** node:http's headers as fetch's Headers (a repeated header's values joined on reading). */
export function responseHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") out.set(name, value);
    else if (Array.isArray(value)) for (const v of value) out.append(name, v);
  }
  return out;
}

import { Agent, request as httpRequest } from "node:http";

/**
 * One request of the hostile corpus, what it must get back, and whether a person is owed a message for it. Each
 * request is built only when it is sent (so 100 KB bodies and fresh Slack timestamps never pile up in memory).
 */
export type Endpoint = "slack" | "teams";

/** Where the fakes would record a message meant for the person who sent the request. */
export interface Reach {
  /** The person (Slack user id, Teams `from.id`). */
  user: string;
  /** Slack: the clicked message's ts (a `replace` edits it) and the name of the request's response_url hook. */
  ts?: string;
  hook?: string;
  /** Teams: the card message an Action.Submit came from (a `replace` edits it). */
  replyToId?: string;
}

export interface HostileRequest {
  endpoint: Endpoint;
  /** Kind of request, for failure messages (`slack command`, `teams invoke stale-join`, …). */
  label: string;
  method?: string;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Statuses this request alone decides (a bad signature is 401 whatever the body); otherwise only "not 5xx". */
  status?: readonly number[];
  /** The same bytes are delivered this many times (retries, replays, double clicks). */
  copies: number;
  /** Who sent it, and where the fakes would record a message meant for them. */
  reach: Reach;
  /** What that person must have been told, when they are owed a message. */
  owed?: RegExp;
  /** A duplicated Events API delivery: exactly one reply, however many copies. */
  once?: boolean;
  /** The request was not signed by Slack, so it must not reach the bot: its sender hears nothing. */
  silent?: boolean;
}

export type RequestBuilder = (n: number) => HostileRequest;

export interface Answer {
  status: number;
  text: string;
  /** From sending until the whole answer arrived. */
  ms: number;
}

export interface Outcome {
  n: number;
  /** The request without its body (bodies can be megabytes), and the start of the body for failure messages. */
  request: Omit<HostileRequest, "body">;
  preview: string;
  answers: Answer[];
  /** The request failed at the HTTP level (connection reset, timeout): the server did not answer. */
  error?: string;
}

/** Send every request, `concurrency` at a time, in order of n; copies of one request go out together. */
export async function runCorpus(
  builders: readonly RequestBuilder[],
  urls: Record<Endpoint, string>,
  concurrency: number,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(builders.length);
  let next = 0;
  // node:http with one keep-alive pool: at this rate fetch's own overhead would be a tenth of the run. No socket
  // limit: the workers bound what is in flight, and a request's copies must not queue behind each other here (that
  // would count as the server's time).
  const agent = new Agent({ keepAlive: true });
  function send(request: HostileRequest): Promise<Answer> {
    const started = performance.now();
    const body = request.method && request.method !== "POST" ? undefined : request.body;
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        urls[request.endpoint],
        {
          method: request.method ?? "POST",
          headers: { ...request.headers, ...(body === undefined ? {} : { "content-length": Buffer.byteLength(body) }) },
          agent,
          timeout: 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString("utf8"),
              ms: performance.now() - started,
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("no answer within 15 s")));
      req.on("error", reject);
      req.end(body);
    });
  }
  async function worker() {
    while (next < builders.length) {
      const n = next++;
      const request = (builders[n] as RequestBuilder)(n);
      const { body, ...kept } = request;
      const preview = `[${Buffer.byteLength(body)} bytes] ${body.toString().slice(0, 300)}`;
      try {
        const answers = await Promise.all(Array.from({ length: request.copies }, () => send(request)));
        outcomes[n] = { n, request: kept, preview, answers };
      } catch (error) {
        outcomes[n] = { n, request: kept, preview, answers: [], error: String(error) };
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return outcomes;
}

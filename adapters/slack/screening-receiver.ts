import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type App,
  type Logger as BoltLogger,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPResponseAck,
  isRawBodyError,
  type Receiver,
} from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../../src/chat/ports.js";

/**
 * Bolt's HTTPReceiver does not survive hostile bodies: it trusts that a verified body is an object it can route.
 * A signed `null` throws outside its error handling (an unhandled rejection, which ends the process), and an
 * object it cannot type is never acknowledged, so the request hangs for three seconds and then gets 404. This
 * receiver reads, verifies and parses each request exactly once (Bolt's own functions, so the same 401/400/413
 * answers) and hands Bolt only payloads it routes to this app; screening in front of HTTPReceiver did all of that
 * twice, which cost a measurable share of the CPU per request.
 */
const routedPayload = z.union([
  // Clicks first: the most frequent payload matches the first member, and a member that fails costs its issues.
  z.object({ type: z.literal("block_actions"), actions: z.array(z.unknown()) }),
  z.object({ command: z.string() }),
  z.object({ type: z.literal("event_callback"), event: z.object({}).loose() }),
  z.object({ type: z.literal("view_submission"), view: z.object({}).loose() }),
]);

/**
 * Bolt refuses timestamps more than five minutes old but accepts any in the future, so a request signed (with a
 * leaked signature) for tomorrow could be replayed until the day after. Slack's own rule is five minutes either way.
 */
const MAX_CLOCK_SKEW_S = 300;

function signedInTheFuture(req: IncomingMessage): boolean {
  const ts = Number(req.headers["x-slack-request-timestamp"]);
  return Number.isFinite(ts) && ts > Date.now() / 1000 + MAX_CLOCK_SKEW_S;
}

const ssl = z.object({ ssl_check: z.literal("1") });
const urlVerification = z.object({ type: z.literal("url_verification"), challenge: z.string() });

export interface ScreeningReceiverOptions {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
}

export class ScreeningReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: ScreeningReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The app owns the HTTP server (app/http-server.ts); there is nothing to listen on here. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      this.options.logger.error({ err: error }, "slack request could not be read");
      if (!res.headersSent) res.writeHead(400).end();
    });
  };

  private refuse(res: ServerResponse, status: 200 | 400 | 401 | 413, reason: string): void {
    this.options.logger.info({ reason, status }, "slack payload ignored");
    // A body refused half-read leaves the rest on the connection: the client must not reuse it.
    res.writeHead(status, status === 413 ? { connection: "close" } : {}).end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { signingSecret, logger, boltLogger } = this.options;
    if (signedInTheFuture(req)) return this.refuse(res, 401, "timestamp more than five minutes ahead");
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { signingSecret, bodyLimit: defaultBodyLimit },
        req,
      );
    } catch (error) {
      if (isRawBodyError(error)) {
        return error.type === "entity.too.large"
          ? this.refuse(res, 413, "body too large")
          : this.refuse(res, 400, `body unreadable: ${error.type}`);
      }
      return this.refuse(res, 401, "signature missing, wrong or stale");
    }
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      return this.refuse(res, 400, "body is not JSON or a form");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return this.refuse(res, 400, "body is not an object");
    }
    // Routed payloads are checked first: Slack's checks are rare, and a schema that fails costs its issues.
    if (!routedPayload.safeParse(body).success) {
      if (ssl.safeParse(body).success) return HTTPModuleFunctions.buildSSLCheckResponse(res);
      const challenge = urlVerification.safeParse(body);
      if (challenge.success) return HTTPModuleFunctions.buildUrlVerificationResponse(res, challenge.data);
      // Signed by Slack but nothing this app subscribes to (shortcuts, view_closed, …): acknowledged and dropped.
      return this.refuse(res, 200, "payload Bolt does not route to this app");
    }

    const payload = body as Record<string, unknown>;
    const ack = new HTTPResponseAck({
      logger: boltLogger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: payload,
      httpResponse: res,
    });
    try {
      await this.app?.processEvent({
        body: payload,
        ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
        customProperties: {},
      });
    } catch (error) {
      // Our middleware acks before anything else, so an error before the ack is Bolt tripping over a malformed
      // body (an `event` that is not an object, a `channel` of null): the request's fault, not the server's.
      if (res.headersSent) {
        logger.error({ err: error }, "slack request failed after the ack");
        return;
      }
      logger.warn({ err: error }, "slack payload bolt could not dispatch");
      res.writeHead(400).end();
    }
  }
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "botbuilder";
import { CodedError } from "../../src/errors.js";
import { activityEnvelopeSchema } from "./schema.js";

/** Bot Framework activities are a few KB; a card submit with long answers stays far below this. */
const MAX_BODY_BYTES = 256 * 1024;

export class RequestBodyError extends CodedError {
  readonly code = "teams_request_body";
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** Read and parse the JSON body ourselves: CloudAdapter expects an already-parsed body (express.json()). */
export async function readActivityBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestBodyError(413, "activity too large");
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new RequestBodyError(400, "body is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new RequestBodyError(400, "body is not an activity object");
  }
  if (!activityEnvelopeSchema.safeParse(parsed).success) {
    throw new RequestBodyError(400, "malformed activity: type, serviceUrl, accounts or members");
  }
  return parsed as Record<string, unknown>;
}

export function botRequest(req: IncomingMessage, body: Record<string, unknown>): Request {
  return { body, headers: req.headers, method: req.method ?? "POST" };
}

/**
 * The express-like response CloudAdapter writes to (status, send, end), over node's ServerResponse. botbuilder puts
 * its error messages (URLs it failed to reach, token problems) in error bodies: those go to `onError` for the log and
 * the caller gets a generic body.
 */
export function botResponse(res: ServerResponse, onError: (status: number, detail: string) => void): Response {
  return {
    socket: res.socket,
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    status(code: number) {
      res.statusCode = code;
    },
    send(body: unknown) {
      if (res.writableEnded || body === undefined) return;
      if (res.statusCode >= 400) {
        onError(res.statusCode, typeof body === "string" ? body : JSON.stringify(body));
        res.setHeader("content-type", "application/json");
        res.write(JSON.stringify({ error: res.statusCode === 401 ? "unauthorized" : "request failed" }));
      } else if (typeof body === "string") {
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.write(body);
      } else {
        res.setHeader("content-type", "application/json");
        res.write(JSON.stringify(body));
      }
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.end();
  // A body refused half-read leaves the rest of it on the connection: the client must not send its next request there.
  const close = status === 413 ? { connection: "close" } : {};
  res.writeHead(status, { "content-type": "application/json", ...close }).end(JSON.stringify({ error: message }));
}

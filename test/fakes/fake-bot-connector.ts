import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback stand-in for the Bot Connector service (the `serviceUrl` Teams puts in every activity): a real HTTP
 * server that records what botbuilder's ConnectorClient sends and answers like the service does, so the adapter's
 * real CloudAdapter is exercised end to end. It can be told to refuse a conversation with 403, 404 or 429.
 */
export interface ConnectorCall {
  /** HTTP method of /v3/conversations/{id}/activities[/{activityId}], or `create` for POST /v3/conversations. */
  method: "create" | "POST" | "PUT" | "DELETE" | "GET";
  /** Decoded conversation id (the created one for `create`). */
  conversationId: string;
  /** The activity replied to (POST), changed (PUT) or deleted. */
  activityId?: string;
  body: Record<string, unknown>;
  auth: string | undefined;
  /** What the fake answered. */
  status: number;
  response: Record<string, unknown>;
}

export type Refusal = 403 | 404 | 429;

export interface FakeBotConnector {
  /** `http://127.0.0.1:<port>/`, for an activity's `serviceUrl`. */
  serviceUrl: string;
  /** Accepted calls whose conversation id starts with `conversationPrefix` (a channel matches its threads). */
  calls(conversationPrefix?: string): ConnectorCall[];
  /** Calls the fake refused (403/404/429), same filter. */
  refused(conversationPrefix?: string): ConnectorCall[];
  /** Resolve once `count` accepted calls match (rejects after `timeoutMs`). */
  waitFor(count: number, conversationPrefix?: string, timeoutMs?: number): Promise<ConnectorCall[]>;
  /**
   * Refuse calls for a conversation (and its threads) with `status`: for good by default, as a blocked or removed
   * bot stays so; `times` limits it (a burst of 429s). 429 answers carry Retry-After: `retryAfterSec` (default 0).
   */
  refuse(conversationId: string, status: Refusal, options?: { times?: number; retryAfterSec?: number }): void;
  /** Refuse POST /v3/conversations (the app is not installed for the person, so no 1:1 chat can be created). */
  refuseCreate(status: Refusal): void;
  /** Conversation id -> the ids on its roster (GET /v3/conversations/{id}/members/{userId}: 200, else 404). */
  members: Map<string, string[]>;
  /** Roster look-ups received, in order. */
  rosterCalls(): Array<{ conversationId: string; userId: string }>;
  reset(): void;
  close(): Promise<void>;
}

const ERRORS: Record<Refusal, { code: string; message: string }> = {
  403: { code: "BotDisabledByAdmin", message: "The bot is blocked or was removed." },
  404: { code: "ConversationNotFound", message: "Conversation not found." },
  429: { code: "TooManyRequests", message: "Too many requests." },
};

const CREATE = "\u0000create";
const baseId = (conversationId: string) => conversationId.split(";messageid=")[0] ?? conversationId;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const accepted: ConnectorCall[] = [];
  const refusedCalls: ConnectorCall[] = [];
  const refusals = new Map<string, { status: Refusal; remaining: number; retryAfterSec: number }>();
  const waiters = new Set<() => void>();
  let nextId = 0;
  const members = new Map<string, string[]>();
  const rosterCalls: Array<{ conversationId: string; userId: string }> = [];

  function refusalFor(target: string): { status: Refusal; retryAfterSec: number } | undefined {
    const refusal = refusals.get(target);
    if (!refusal || refusal.remaining <= 0) return undefined;
    refusal.remaining -= 1;
    return refusal;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = new URL(req.url ?? "/", "http://fake").pathname.replace(/\/$/, "");
    const auth = req.headers.authorization;
    // The roster (TeamsInfo.getMember): like Teams, 404 MemberNotFoundInConversation for someone not on it.
    const roster = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/);
    if (req.method === "GET" && roster) {
      const conversationId = decodeURIComponent(roster[1] ?? "");
      const userId = decodeURIComponent(roster[2] ?? "");
      rosterCalls.push({ conversationId, userId });
      if (!(members.get(baseId(conversationId)) ?? []).includes(userId)) {
        return send(res, 404, { error: { code: "MemberNotFoundInConversation", message: "Member not found." } });
      }
      return send(res, 200, { id: userId, name: userId, userPrincipalName: `${userId}@example.com` });
    }
    let call: Omit<ConnectorCall, "status" | "response">;
    let target: string;
    let response: Record<string, unknown>;
    if (req.method === "POST" && path === "/v3/conversations") {
      // Like Teams, "creating" the 1:1 chat with the same person returns the same conversation every time.
      const member = (body.members as Array<{ id?: string }> | undefined)?.[0]?.id ?? "unknown";
      call = { method: "create", conversationId: `a:personal-${member}`, body, auth };
      target = CREATE;
      response = { id: call.conversationId };
    } else {
      const match = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/);
      if (!match) return send(res, 404, { error: { code: "NotFound", message: `no route ${path}` } });
      const method = (req.method ?? "GET") as ConnectorCall["method"];
      const conversationId = decodeURIComponent(match[1] ?? "");
      const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      call = { method, conversationId, ...(activityId ? { activityId } : {}), body, auth };
      target = baseId(conversationId);
      // An update keeps the activity's id; a new activity gets the next one.
      response = { id: method === "PUT" && activityId ? activityId : String(++nextId) };
    }
    // Waiters wake once the answer is out, so "the call happened" includes the connector's reply to it.
    res.on("finish", () => {
      for (const wake of waiters) wake();
    });
    const refusal = refusalFor(target);
    if (refusal) {
      const error = { error: ERRORS[refusal.status] };
      refusedCalls.push({ ...call, status: refusal.status, response: error });
      const retry: Record<string, string> =
        refusal.status === 429 ? { "retry-after": String(refusal.retryAfterSec) } : {};
      return send(res, refusal.status, error, retry);
    }
    accepted.push({ ...call, status: 200, response });
    send(res, 200, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 400, { error: { code: "BadRequest", message: "unreadable body" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const matching = (list: ConnectorCall[], prefix?: string) =>
    prefix === undefined ? [...list] : list.filter((c) => c.conversationId.startsWith(prefix));

  return {
    serviceUrl,
    calls: (prefix) => matching(accepted, prefix),
    refused: (prefix) => matching(refusedCalls, prefix),
    waitFor(count, prefix, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matching(accepted, prefix).length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(matching(accepted, prefix));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `expected ${count} call(s) to ${prefix ?? "the connector"}, got ${matching(accepted, prefix).length}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    refuse(conversationId, status, options = {}) {
      const remaining = options.times ?? Number.POSITIVE_INFINITY;
      refusals.set(baseId(conversationId), { status, remaining, retryAfterSec: options.retryAfterSec ?? 0 });
    },
    refuseCreate(status) {
      refusals.set(CREATE, { status, remaining: Number.POSITIVE_INFINITY, retryAfterSec: 0 });
    },
    members,
    rosterCalls: () => [...rosterCalls],
    reset() {
      accepted.length = 0;
      refusedCalls.length = 0;
      refusals.clear();
      members.clear();
      rosterCalls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

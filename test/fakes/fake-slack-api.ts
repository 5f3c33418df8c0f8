import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback stand-in for Slack's Web API and for response_url hooks: a real HTTP server that records every call
 * and answers like Slack does, so the adapter's real @slack/web-api client is exercised end to end.
 */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`), `response_url` for posts to a response URL, `file_upload` for file bytes. */
  method: string;
  /** Form fields or JSON, with JSON-valued fields (`blocks`, `view`) parsed. */
  body: Record<string, unknown>;
  auth: string | undefined;
  path: string;
  /** What the fake answered (Web API JSON), once it has answered. */
  response?: Record<string, unknown>;
}

export interface FakeUser {
  tz?: string;
  name?: string;
  isAdmin?: boolean;
}

/** A workspace (or, with orgWide, an Enterprise Grid org) as Slack's authorize page would install the app in it. */
export interface FakeInstall {
  teamId: string;
  teamName?: string;
  enterpriseId?: string;
  orgWide?: boolean;
  botToken: string;
  botId: string;
  botUserId: string;
  installerId: string;
  /** The bot scopes the person approved (the `scope` of the authorize URL). */
  scopes: string[];
}

/** The client id and secret the fake's oauth.v2.access accepts. */
export const FAKE_OAUTH_CLIENT = { id: "1111111111.2222222222", secret: "fake-client-secret-0123456789" };

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl` (ends with `/api/`). */
  apiUrl: string;
  /** A response_url served by this fake. */
  responseUrl(name?: string): string;
  calls(method?: string): RecordedCall[];
  /** Whether a call posted or edited a reply in a thread: not what the conversation itself shows. */
  inThread(call: RecordedCall): boolean;
  /** Resolve once `count` calls of `method` have arrived (rejects after `timeoutMs`). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Resolve as soon as `check` holds, looked at after every answered call (rejects after `timeoutMs`). */
  waitUntil(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Answer the next `times` calls of `method` with HTTP 429 and Retry-After. */
  rateLimit(method: string, times?: number, retryAfterSec?: number): void;
  /**
   * Answer the next `times` calls of `method` with `{ ok: false, error }`; with `when`, only calls whose body it
   * accepts (a thread reply, not the message above it).
   */
  fail(method: string, error: string, times?: number, when?: (body: Record<string, unknown>) => boolean): void;
  /** Hold every answer back this long (a slow Slack). */
  delay(ms: number): void;
  users: Map<string, FakeUser>;
  /** What Slack does when a person clicks Allow: a one-time code that oauth.v2.access exchanges for the install. */
  approveInstall(install: FakeInstall): string;
  /** Channel id -> its members, for conversations.members (a channel not listed has none). */
  members: Map<string, string[]>;
  reset(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata"]);

/** Where files.getUploadURLExternal tells the client to send a file's bytes (step 2 of files.uploadV2). */
const UPLOAD_PATH = "/upload/";

/** The file's bytes as text: @slack/web-api sends them as multipart form data, as Slack's upload URL accepts. */
async function uploadedContent(req: IncomingMessage, bytes: Buffer): Promise<string> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("multipart/form-data")) return bytes.toString("utf8");
  const form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  const file = [...form.values()].find((v) => typeof v !== "string");
  return file && typeof file !== "string" ? file.text() : "";
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if ((req.url ?? "").startsWith(UPLOAD_PATH)) return { content: await uploadedContent(req, Buffer.concat(chunks)) };
  if ((req.headers["content-type"] ?? "").startsWith("application/json")) {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return body;
}

export interface FakeSlackApiOptions {
  /**
   * Keep every call for `calls()` (the default). The bench's long-running fake answers tens of thousands of calls
   * nobody reads back: kept, each grew its heap by about 10 KB, work for its collector on the cores the measured
   * app shares.
   */
  record?: boolean;
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const record = options.record ?? true;
  const recorded: RecordedCall[] = [];
  type Fault = ({ status: 429; retryAfter: number } | { status: 200; error: string }) & {
    when?: (body: Record<string, unknown>) => boolean;
  };
  const faults = new Map<string, Fault[]>();
  const waiters = new Set<() => void>();
  const users = new Map<string, FakeUser>();
  const members = new Map<string, string[]>();
  let tsCounter = 0;
  let fileCounter = 0;
  let delayMs = 0;
  let base = "";
  const codes = new Map<string, FakeInstall>();
  const installsByToken = new Map<string, FakeInstall>();
  let codeCounter = 0;
  const nextTs = () => `1700000000.${String(++tsCounter).padStart(6, "0")}`;
  /** `channel:ts` of every message posted as a thread reply. */
  const threadReplies = new Set<string>();

  /** oauth.v2.access as Slack answers it: the client first, then the (single-use) code. */
  function exchange(body: Record<string, unknown>): Record<string, unknown> {
    if (body.client_id !== FAKE_OAUTH_CLIENT.id) return { ok: false, error: "invalid_client_id" };
    if (body.client_secret !== FAKE_OAUTH_CLIENT.secret) return { ok: false, error: "bad_client_secret" };
    const install = codes.get(String(body.code ?? ""));
    if (!install) return { ok: false, error: "invalid_code" };
    codes.delete(String(body.code));
    installsByToken.set(install.botToken, install);
    const enterprise = install.enterpriseId ? { id: install.enterpriseId, name: "Fake Grid" } : null;
    return {
      ok: true,
      app_id: "A0FAKEAPP01",
      authed_user: { id: install.installerId },
      scope: install.scopes.join(","),
      token_type: "bot",
      access_token: install.botToken,
      bot_user_id: install.botUserId,
      team: install.orgWide ? null : { id: install.teamId, name: install.teamName ?? install.teamId },
      enterprise,
      is_enterprise_install: install.orgWide === true,
    };
  }

  function whoAmI(auth: string | undefined): Record<string, unknown> {
    const install = installsByToken.get((auth ?? "").replace(/^Bearer /, ""));
    if (!install) return { ok: true, user_id: "U00FAKEBOT01", bot_id: "B00FAKEBOT01", team_id: "T00FAKE00AA" };
    return {
      ok: true,
      user_id: install.botUserId,
      bot_id: install.botId,
      team_id: install.teamId,
      url: `https://${install.teamId.toLowerCase()}.slack.com/`,
    };
  }

  function answer(method: string, body: Record<string, unknown>, auth: string | undefined): Record<string, unknown> {
    const str = (key: string) => String(body[key] ?? "");
    switch (method) {
      case "chat.postMessage": {
        // Like Slack, a user id as channel means the app's DM with that person.
        const channel = str("channel").startsWith("U") ? `D${str("channel").slice(1)}` : str("channel");
        const ts = nextTs();
        if (body.thread_ts !== undefined) threadReplies.add(`${channel}:${ts}`);
        return { ok: true, channel, ts, message: { text: body.text } };
      }
      case "chat.update":
        return { ok: true, channel: str("channel"), ts: str("ts") };
      case "chat.postEphemeral":
        return { ok: true, message_ts: nextTs() };
      case "conversations.open":
        return { ok: true, channel: { id: `D${str("users").slice(1)}` } };
      case "conversations.members": {
        // Like Slack, pages of `limit` members with a cursor to the next page.
        const all = members.get(str("channel")) ?? [];
        const from = Number(str("cursor") || "0");
        const limit = Number(str("limit") || "100");
        const next = from + limit < all.length ? String(from + limit) : "";
        return { ok: true, members: all.slice(from, from + limit), response_metadata: { next_cursor: next } };
      }
      case "users.info": {
        const id = str("user");
        const user = users.get(id) ?? {};
        return {
          ok: true,
          user: {
            id,
            name: user.name ?? id.toLowerCase(),
            real_name: user.name ?? id,
            tz: user.tz ?? "Europe/Berlin",
            is_admin: user.isAdmin ?? false,
            is_owner: false,
            profile: { display_name: user.name ?? "", real_name: user.name ?? id },
          },
        };
      }
      case "files.getUploadURLExternal": {
        const id = `F${String(++fileCounter).padStart(8, "0")}`;
        return { ok: true, upload_url: `${base}${UPLOAD_PATH}${id}`, file_id: id };
      }
      case "files.completeUploadExternal":
        return { ok: true, files: JSON.parse(str("files")) };
      case "views.publish":
        return { ok: true, view: { id: "V00FAKEVIEW1" } };
      case "views.open":
        return { ok: true, view: { id: "V00FAKEMODAL" } };
      case "auth.test":
        return whoAmI(auth);
      case "oauth.v2.access":
        return exchange(body);
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  const server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    const body = await readBody(req);
    const isApi = path.startsWith("/api/");
    const method = isApi ? path.slice("/api/".length) : path.startsWith(UPLOAD_PATH) ? "file_upload" : "response_url";
    const call: RecordedCall = { method, body, auth: req.headers.authorization, path };
    if (record) recorded.push(call);
    // Waiters wake once the answer is out, so "the call happened" includes Slack's reply to it.
    res.on("finish", () => {
      for (const wake of waiters) wake();
    });
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));

    const pending = faults.get(method) ?? [];
    const index = pending.findIndex((f) => !f.when || f.when(body));
    const fault = index < 0 ? undefined : pending.splice(index, 1)[0];
    if (fault?.status === 429) {
      res.writeHead(429, { "retry-after": String(fault.retryAfter), "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    res.writeHead(200, { "content-type": isApi ? "application/json" : "text/plain" });
    if (!isApi) return void res.end("ok");
    call.response = fault ? { ok: false, error: fault.error } : answer(method, body, call.auth);
    res.end(JSON.stringify(call.response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const calls = (method?: string) => recorded.filter((c) => method === undefined || c.method === method);
  function waitUntil(holds: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!holds()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }
  const addFault = (method: string, fault: Fault, times: number) => {
    faults.set(method, [...(faults.get(method) ?? []), ...Array.from({ length: times }, () => fault)]);
  };

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name = "hook") => `${base}/hooks/${name}`,
    calls,
    inThread: (call) =>
      call.method === "chat.postMessage"
        ? call.body.thread_ts !== undefined
        : call.method === "chat.update" && threadReplies.has(`${call.body.channel}:${call.body.ts}`),
    async waitFor(method, count = 1, timeoutMs = 5000) {
      await waitUntil(
        () => calls(method).length >= count,
        `${count} ${method} call(s), got ${calls(method).length}`,
        timeoutMs,
      );
      return calls(method);
    },
    waitUntil,
    rateLimit: (method, times = 1, retryAfterSec = 0) =>
      addFault(method, { status: 429, retryAfter: retryAfterSec }, times),
    fail: (method, error, times = 1, when) =>
      addFault(method, { status: 200, error, ...(when ? { when } : {}) }, times),
    delay(ms) {
      delayMs = ms;
    },
    users,
    approveInstall(install) {
      const code = `fake-code-${++codeCounter}`;
      codes.set(code, install);
      return code;
    },
    members,
    reset() {
      recorded.length = 0;
      threadReplies.clear();
      faults.clear();
      users.clear();
      members.clear();
      delayMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

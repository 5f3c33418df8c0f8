import { type Logger as BoltLogger, webApi } from "@slack/bolt";
import { z } from "zod";
import { CodedError } from "../../src/errors.js";
import { type ChatTarget, createChatWrites } from "./chat-writes.js";
import { keepAliveHttp } from "./keep-alive-fetch.js";
import type { HomeView, ModalView, SlackMessage } from "./render-schema.js";

/**
 * The Web API calls the adapter makes, typed and with their answers validated. Base URL and retry policy are
 * configuration, so tests run against a loopback fake and a fake 429 does not make them wait for minutes.
 */
export interface SlackApi {
  postMessage(channel: string, message: SlackMessage, threadTs?: string): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  postEphemeral(channel: string, user: string, message: SlackMessage): Promise<void>;
  /** The id of the person's DM with the app (`conversations.open`). */
  openDm(user: string): Promise<string>;
  userInfo(user: string): Promise<SlackProfile>;
  /** Whether `user` is among the channel's members (conversations.members, page by page). */
  isMember(channel: string, user: string): Promise<boolean>;
  publishHome(user: string, view: HomeView): Promise<void>;
  /** Open a modal for the person whose command or click gave `triggerId` (valid for three seconds). */
  openView(triggerId: string, view: ModalView): Promise<void>;
  /** Share a file in a conversation (files.uploadV2: get an upload URL, send the bytes, complete the upload). */
  uploadFile(channel: string, file: { filename: string; content: string; comment: string }): Promise<void>;
  /** POST to a response_url (slash commands and clicks); works even where the app is not a channel member. */
  respond(url: string, body: SlackMessage & { response_type?: "ephemeral"; replace_original?: boolean }): Promise<void>;
}

export interface SlackProfile {
  timeZone?: string;
  isAdmin: boolean;
  name?: string;
}

export interface SlackApiOptions {
  token: string;
  apiUrl?: string;
  /** Retries on 429 and network errors; undefined keeps @slack/web-api's policy (10 retries over ~30 minutes). */
  retries?: number;
  logger: BoltLogger;
}

/** A response_url that did not answer 2xx; Web API failures keep @slack/web-api's own error classes. */
export class SlackResponseUrlError extends CodedError {
  readonly code = "slack_response_url_failed";
  constructor(readonly status: number) {
    super(`response_url answered HTTP ${status}`);
  }
}

const posted = z.object({ channel: z.string(), ts: z.string() });
const opened = z.object({ channel: z.object({ id: z.string() }) });
const members = z.object({
  members: z.array(z.string()),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});
/** Pages of conversations.members read before giving up: a channel of 10,000 people; beyond, membership is denied. */
const MEMBER_PAGES = 10;
const MEMBER_PAGE_SIZE = 1000;
const userInfo = z.object({
  user: z.object({
    name: z.string().optional(),
    real_name: z.string().optional(),
    tz: z.string().optional(),
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

/** Slack's error code (`not_in_channel`, `message_not_found`, …) or our own error's code, for logs and decisions. */
export function slackErrorCode(error: unknown): string | undefined {
  const platform = z.object({ data: z.object({ error: z.string() }) }).safeParse(error);
  if (platform.success) return platform.data.data.error;
  const coded = z.object({ code: z.string() }).safeParse(error);
  return coded.success ? coded.data.code : undefined;
}

/** Slack's Web API, unless configured otherwise (tests: a loopback fake). */
const SLACK_API_URL = "https://slack.com/api/";
/** @slack/web-api's default number of retries (10 over about 30 minutes), for the calls made without it too. */
const DEFAULT_RETRIES = webApi.retryPolicies.tenRetriesInAboutThirtyMinutes.retries ?? 10;

/** Requests that hang would hold up every later reply of the event: give up after this long. */
const REQUEST_TIMEOUT_MS = 10_000;

export function createSlackApi(options: SlackApiOptions): SlackApi {
  const http = keepAliveHttp({ timeoutMs: REQUEST_TIMEOUT_MS });
  const client = new webApi.WebClient(options.token, {
    logger: options.logger,
    // A 429 would otherwise pause this client's whole queue (every channel of every team) for Retry-After;
    // rejecting lets the nudge pacer wait for that one channel only.
    rejectRateLimitedCalls: true,
    // The request time limit lives in the fetch (see keep-alive-fetch.ts), so the client's own `timeout` stays off.
    fetch: http.fetch,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.retries === undefined ? {} : { retryConfig: { retries: options.retries } }),
  });
  const chat = createChatWrites({
    token: options.token,
    apiUrl: options.apiUrl ?? SLACK_API_URL,
    retries: options.retries ?? DEFAULT_RETRIES,
    request: http.request,
  });
  return {
    async postMessage(channel, message, threadTs) {
      const where: ChatTarget = threadTs ? { channel, thread_ts: threadTs } : { channel };
      const result = await chat.call("chat.postMessage", where, message);
      return posted.parse(result);
    },
    async update(channel, ts, message) {
      await chat.call("chat.update", { channel, ts }, message);
    },
    async postEphemeral(channel, user, message) {
      await chat.call("chat.postEphemeral", { channel, user }, message);
    },
    async openDm(user) {
      return opened.parse(await client.conversations.open({ users: user })).channel.id;
    },
    async isMember(channel, user) {
      let cursor: string | undefined;
      for (let page = 0; page < MEMBER_PAGES; page++) {
        const answer = members.parse(
          await client.conversations.members({ channel, limit: MEMBER_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
        );
        if (answer.members.includes(user)) return true;
        cursor = answer.response_metadata?.next_cursor;
        if (!cursor) return false;
      }
      return false;
    },
    async userInfo(user) {
      const u = userInfo.parse(await client.users.info({ user })).user;
      const name = u.profile?.display_name || u.profile?.real_name || u.real_name || u.name;
      return {
        isAdmin: Boolean(u.is_admin || u.is_owner),
        ...(u.tz ? { timeZone: u.tz } : {}),
        ...(name ? { name } : {}),
      };
    },
    async publishHome(user, view) {
      await client.views.publish({ user_id: user, view });
    },
    async openView(triggerId, view) {
      await client.views.open({ trigger_id: triggerId, view });
    },
    async uploadFile(channel, file) {
      await client.filesUploadV2({
        channel_id: channel,
        file: Buffer.from(file.content, "utf8"),
        filename: file.filename,
        title: file.filename,
        initial_comment: file.comment,
      });
    },
    async respond(url, body) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (!response.ok) throw new SlackResponseUrlError(response.status);
    },
  };
}

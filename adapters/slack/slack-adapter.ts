import type { IncomingMessage, ServerResponse } from "node:http";
import { App } from "@slack/bolt";
import type { InstallProvider } from "@slack/oauth";
import type { Address } from "../../src/chat/address.js";
import { errorMessage } from "../../src/chat/error-message.js";
import type { SupportedEvent } from "../../src/chat/inbound.js";
import type { Reply } from "../../src/chat/outbound.js";
import { type ChatBot, type Clock, type IntakePolicy, type Logger, systemClock } from "../../src/chat/ports.js";
import { InvariantError } from "../../src/errors.js";
import { createKeys, type Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { createAfterAckQueue } from "./after-ack-queue.js";
import { boltLogger } from "./bolt-logger.js";
import { createDelivery } from "./deliver.js";
import { toDeliveryError } from "./errors.js";
import type { InstallQuery, SlackInstallations } from "./installations.js";
import { parseSlackPayload } from "./parse.js";
import { createProfiles } from "./profiles.js";
import { requestIdentity } from "./replays.js";
import { ScreeningReceiver } from "./screening-receiver.js";
import { endedInstallation } from "./uninstall.js";
import { createWorkspaceApis } from "./workspace-apis.js";
import { installedBots, singleWorkspaceBot } from "./workspace-bots.js";

/** Commands, interactivity and events all arrive here (manifest.json points every request URL at it). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Follow-ups mostly wait on Redis and Slack, so a few dozen in flight keep one core busy without starving acks. */
const AFTER_ACK_CONCURRENCY = 32;

export interface SlackAdapterConfig {
  signingSecret: string;
  /** Single-workspace mode: the one bot token (exactly one of botToken and installs). */
  botToken?: string;
  /** Multi-workspace mode: installations made through OAuth (install-routes.ts), one bot token per workspace. */
  installs?: SlackInstalls;
  /** Web API base URL, e.g. a loopback fake in tests; default https://slack.com/api/. */
  apiUrl?: string;
  /** The app's bot id and bot user id: Bolt uses them to ignore the app's own events. */
  botId?: string;
  botUserId?: string;
  bot: ChatBot;
  /** Which events change what is stored (written before their ack) and which need the person's profile. */
  intake: IntakePolicy;
  store: Store;
  /** Defaults to createKeys() (prefix "ma"); pass the app's keys when it uses another prefix. */
  keys?: Keys;
  logger: Logger;
  clock?: Clock;
  /** Web API retries on 429 and network errors; tests pass 0. Default: @slack/web-api's (10 over ~30 minutes). */
  apiRetries?: number;
}

export interface SlackInstalls {
  installations: SlackInstallations;
  installer: InstallProvider;
  /** The installation is gone (already deleted): stop and, later, forget these workspaces. */
  onUninstalled(workspaces: string[]): Promise<void>;
}

export interface SlackAdapter {
  /** Serves POST /slack/events on a node:http server owned by the app; other paths get 404. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * A proactive post (nudges). `private` goes to `userId`'s DM with the app (or to `address` when it is a direct
   * conversation); `channel` posts to the address, tracked messages as for events. Rejects when Slack refuses.
   */
  deliver(address: Address, reply: Reply, userId?: string): Promise<void>;
  /** Resolves when no acknowledged request still has work to do (shutdown waits for it). */
  idle(): Promise<void>;
  /** Whether Slack lists the person among the channel's members (conversations.members, with that workspace's bot). */
  isMember(workspace: string, channel: string, userId: string): Promise<boolean>;
}

export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  const { bot, store, logger } = config;
  const keys = config.keys ?? createKeys();
  const bolt = boltLogger(logger);
  const { installs } = config;
  if (Boolean(config.botToken) === Boolean(installs)) {
    throw new InvariantError("the Slack adapter needs either one bot token or installations, not both or neither");
  }
  const bots = installs
    ? installedBots(installs)
    : singleWorkspaceBot({ token: config.botToken ?? "", botId: config.botId, botUserId: config.botUserId });
  const apiFor = createWorkspaceApis({
    bots,
    logger: bolt,
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    ...(config.apiRetries === undefined ? {} : { retries: config.apiRetries }),
  });
  const profiles = createProfiles({ store, keys, apiFor, logger, clock: config.clock ?? systemClock });
  const delivery = createDelivery({ apiFor, store, keys, profiles, logger });

  // Signature verification is always on: a bad signature or a timestamp older than five minutes gets 401;
  // url_verification and ssl_check are answered by the receiver.
  const receiver: ScreeningReceiver = new ScreeningReceiver({
    signingSecret: config.signingSecret,
    logger,
    boltLogger: bolt,
  });
  // Changes are written before their ack, one person's at a time in arrival order (no bound: they are the acks).
  const beforeAck = createAfterAckQueue({ concurrency: Number.POSITIVE_INFINITY });
  const afterAck = createAfterAckQueue({ concurrency: AFTER_ACK_CONCURRENCY, afterPendingIo: true });
  const app = new App({
    receiver,
    logger: bolt,
    // Only slack-api.ts calls Slack. Bolt still builds a client per event: same base URL, so none can reach the real one.
    clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {},
    convoStore: false,
    authorize: bots.authorize,
  });

  /** Delete the installation at once, then let the app stop (and later forget) the workspaces it served. */
  async function uninstall(ended: InstallQuery, owner: SlackInstalls): Promise<void> {
    try {
      const workspaces = await owner.installations.workspacesOf(ended);
      await owner.installations.remove(ended);
      await owner.onUninstalled(workspaces);
      logger.info({ ...ended, workspaces }, "slack app uninstalled");
    } catch (error) {
      logger.error({ err: error, ...ended }, "slack uninstall failed");
    }
  }

  /**
   * Slack retries events it thinks we missed (X-Slack-Retry-Num), and a captured slash command can be sent again
   * within the signature window: only the first delivery of a request counts.
   */
  async function firstDelivery(body: unknown, retryNum: number | undefined): Promise<boolean> {
    const identity = requestIdentity(body);
    if (!identity) return true;
    const { workspace, id, ttlMs } = identity;
    try {
      const first = await store.setIfAbsent(keys.eventSeen({ platform: "slack", workspace }, id), 1, ttlMs);
      if (!first) logger.info({ requestId: id, retryNum }, "duplicate slack event ignored");
      return first;
    } catch (error) {
      // Without the store we cannot tell; answering twice beats not answering.
      logger.warn({ err: error, requestId: id }, "slack request dedupe unavailable");
      return true;
    }
  }

  /** The bot's replies, with the person's profile when the flow needs it; a failure becomes its error message. */
  async function repliesTo(event: SupportedEvent): Promise<Reply[]> {
    try {
      const user = config.intake.needsProfile(event)
        ? await profiles.resolve(event.address.workspace, event.user)
        : event.user;
      return await bot.handle({ ...event, user });
    } catch (error) {
      logger.error({ err: error, kind: event.kind }, "slack event failed");
      return [{ message: errorMessage(error), delivery: { to: "private", ephemeral: true } }];
    }
  }

  async function acknowledge(ack: () => Promise<void>): Promise<void> {
    try {
      await ack();
    } catch (error) {
      // Bolt answered 404 at 3 s for us: Slack showed the person an error, yet the change is stored and the
      // reply that follows shows them where they are.
      logger.warn({ err: error }, "slack ack after Slack's deadline");
    }
  }

  app.use(async (args) => {
    // Events (no `ack` here) were already acknowledged by Bolt before any middleware ran; Slack retries them.
    const boltAck = "ack" in args ? args.ack : undefined;
    const ack = boltAck ? () => boltAck() : async () => {};
    const ended = installs && endedInstallation(args.body);
    if (installs && ended) {
      await ack();
      return afterAck.run(() => uninstall(ended, installs), `install:${ended.teamId ?? ended.enterpriseId}`);
    }
    const request = parseSlackPayload(args.body);
    if (!request.origin) {
      await ack();
      logger.info({ reason: request.event.reason }, "slack payload ignored");
      return;
    }
    const { event, origin } = request;
    // One person's requests are handled in the order they came, one at a time (see after-ack-queue.ts).
    const person = `${event.address.workspace}:${event.user.id}`;
    if (!config.intake.changesState(event)) {
      // Nothing to keep: acknowledged at once, with an empty body, so Slack's 3 s are never spent on reading.
      await ack();
      await afterAck.run(async () => {
        if (await firstDelivery(args.body, args.context.retryNum))
          await delivery.inTurn(origin, await repliesTo(event));
      }, person);
      return;
    }
    // Slack never sends a click or a command again, so the 200 promises that the change is in Redis: it is
    // written first (the store fails fast, so an outage still acks in time, with "please try again" as the reply).
    let replied = Promise.resolve();
    await beforeAck.run(async () => {
      // A captured command sent again within the signature window was handled the first time: only acked.
      if (!(await firstDelivery(args.body, args.context.retryNum))) return acknowledge(ack);
      const replies = await repliesTo(event);
      // A refused modal submission is answered in the ack itself: Slack shows field errors only from there.
      const refused = replies.find((r) => r.message.kind === "form-errors")?.message;
      const errors =
        refused?.kind === "form-errors" ? { response_action: "errors", errors: refused.errors } : undefined;
      // Bolt types ack per payload kind; for a view_submission it takes a ViewResponseAction (or nothing).
      await acknowledge(errors && boltAck ? () => (boltAck as (body: object) => Promise<void>)(errors) : ack);
      const rest = replies.filter((r) => r.message.kind !== "form-errors");
      replied = afterAck.run(() => delivery.inTurn(origin, rest), person);
    }, person);
    await replied;
  });
  app.error(async (error) => {
    logger.error({ err: error }, "slack request failed in bolt");
  });

  return {
    handler: receiver.requestListener,
    idle: async () => {
      await beforeAck.idle();
      await afterAck.idle();
    },
    isMember: async (workspace, channel, userId) => (await apiFor(workspace)).isMember(channel, userId),
    deliver: (address, reply, userId) =>
      delivery.proactive(address, reply, userId).catch((error: unknown) => {
        throw toDeliveryError(error);
      }),
  };
}

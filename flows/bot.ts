import type { ButtonAction } from "../src/chat/actions.js";
import { command } from "../src/chat/command-words.js";
import { errorMessage } from "../src/chat/error-message.js";
import type { InboundEvent, SupportedEvent } from "../src/chat/inbound.js";
import type { Reply } from "../src/chat/outbound.js";
import type { ChatBot, Clock, Logger, Membership } from "../src/chat/ports.js";
import type { AssessmentModel } from "../src/engine/model-schema.js";
import { errorCode } from "../src/errors.js";
import type { Keys } from "../src/store/keys.js";
import { type Store, StoreUnavailableError } from "../src/store/store.js";
import { adoptStep, changeAction, moveAction } from "./actions/action-clicks.js";
import { submitActionForm } from "./actions/action-form.js";
import { createActionRepo } from "./actions/action-repo.js";
import { beginAssessment, continueAssessment } from "./assess/assess-service.js";
import type { AssessInput } from "./assess/assess-state.js";
import { clickRefusal } from "./commands/permission.js";
import { runCommand } from "./commands/registry.js";
import { settings } from "./commands/settings.js";
import { start } from "./commands/start.js";
import { channelAddress, type FlowContext, teamScope } from "./context.js";
import { type FlowEvents, ignoreEvents } from "./events.js";
import { homeReplies } from "./home.js";
import { createWebhookRepo } from "./hooks/webhook-repo.js";
import { createScheduleRepo } from "./nudge/schedule-repo.js";
import { problem } from "./replies.js";
import { createRoundRepo } from "./rounds/round-repo.js";
import { submitSettings } from "./settings/settings-submit.js";
import { welcomeReplies } from "./welcome.js";

export interface BotDeps {
  store: Store;
  keys: Keys;
  model: AssessmentModel;
  clock: Clock;
  logger: Logger;
  /** Hears what happened in the flows (assessments started and completed, failed requests): the app's metrics. */
  events?: FlowEvents;
  /** Days after which an open round closes by itself. */
  roundDays?: number;
  /** Closed rounds older than this many days are dropped from history (default: kept, up to 40 rounds). */
  historyRetentionDays?: number;
  /** Team summaries show the spread of answers only from this many respondents on (privacy floor). */
  minRespondentsForSpread?: number;
  /**
   * People who count as admins besides those the platform names (Slack workspace admins and owners). Teams tells a
   * bot nobody's role, so there this list is how admins are made.
   */
  admins?: readonly string[];
  /** Channel membership as each platform tells it; without it, joins count only from the round's own channel. */
  membership?: Membership;
  /** The app's public base URL: webhook addresses are built on it. */
  publicUrl?: string;
}

const NOBODY_CONFIRMED: Membership = { isMember: async () => false };

const DEFAULT_ROUND_DAYS = 14;
/** With two people, "answers L1-L3" tells each of them exactly what the other answered. */
const DEFAULT_SPREAD_FLOOR = 3;

/** The platform-neutral bot: every adapter (Slack, Teams, terminal) drives exactly this. */
export function createBot(deps: BotDeps): ChatBot {
  const ctx: FlowContext = {
    repo: createRoundRepo(
      deps.store,
      deps.keys,
      deps.historyRetentionDays === undefined ? undefined : { clock: deps.clock, days: deps.historyRetentionDays },
    ),
    schedules: createScheduleRepo(deps.store, deps.keys),
    actions: createActionRepo(deps.store, deps.keys),
    webhooks: createWebhookRepo(deps.store, deps.keys),
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    model: deps.model,
    clock: deps.clock,
    logger: deps.logger,
    emit: deps.events ?? ignoreEvents,
    membership: deps.membership ?? NOBODY_CONFIRMED,
    roundDays: deps.roundDays ?? DEFAULT_ROUND_DAYS,
    minRespondentsForSpread: deps.minRespondentsForSpread ?? DEFAULT_SPREAD_FLOOR,
  };

  const admins = new Set(deps.admins ?? []);

  async function dispatch(received: SupportedEvent): Promise<Reply[]> {
    const event = admins.has(received.user.id) ? { ...received, user: { ...received.user, isAdmin: true } } : received;
    switch (event.kind) {
      case "command":
        return runCommand(ctx, event, event.text);
      case "action":
        return onAction(event, event.action);
      case "home":
        return homeReplies(ctx, event.address, event.user);
      case "joined":
        return welcomeReplies(ctx, event.address, event.user);
      case "submit":
        return onSubmit(event);
      case "text":
        return [problem("not_a_command", "I only understand commands.", `Try ${command("help")}.`)];
      case "expired":
        return [
          problem(
            "button_expired",
            "That button no longer works.",
            `Carry on with ${command("resume")}, or start with ${command()}.`,
          ),
        ];
    }
  }

  /**
   * A submitted form speaks for the team channel its id names (Teams sends it from the person's own chat), so
   * channel replies without an address go there.
   */
  async function onSubmit(event: Extract<SupportedEvent, { kind: "submit" }>): Promise<Reply[]> {
    const channel = channelAddress(event.address, event.form.c);
    const at = { address: channel, user: event.user };
    const replies =
      event.form.f === "settings"
        ? await submitSettings(ctx, at, event.values)
        : await submitActionForm(ctx, at, teamScope(channel, channel.channel), event.form.i, event.values);
    return replies.map((reply) =>
      reply.delivery.to === "channel" && !reply.delivery.address
        ? { ...reply, delivery: { ...reply.delivery, address: channel } }
        : reply,
    );
  }

  async function onAction(event: SupportedEvent, action: ButtonAction): Promise<Reply[]> {
    const refused = await clickRefusal(ctx, event, action);
    if (refused) return [refused];
    const continueWith = (input: AssessInput, ref: { c: string; r: string }) =>
      continueAssessment(ctx, event.address, event.user, { channel: ref.c, roundId: ref.r }, input, { to: "replace" });
    switch (action.a) {
      case "answer":
        return continueWith({ type: "answer", questionId: action.q, value: action.v }, action);
      case "back":
      case "skip":
        return continueWith({ type: action.a, ...(action.q === undefined ? {} : { from: action.q }) }, action);
      case "cancel":
      case "resume":
        return continueWith({ type: action.a }, action);
      case "join": {
        // clickRefusal saw this round open a moment ago.
        const round = await ctx.repo.latestRound(teamScope(event.address, action.c));
        return round ? beginAssessment(ctx, event.address, event.user, round) : [];
      }
      case "start":
        return start.run(
          ctx,
          { address: { ...event.address, channel: action.c, isDirect: false }, user: event.user },
          { mode: action.m ?? "quick" },
        );
      case "recheck":
        return start.run(ctx, { address: event.address, user: event.user }, { mode: "deep", focus: action.d });
      case "adopt":
        return adoptStep(ctx, event, action);
      case "act":
        return moveAction(ctx, event, action);
      case "change":
        return changeAction(ctx, event, action);
      case "settings":
        return settings.run(ctx, { address: channelAddress(event.address, action.c), user: event.user }, {});
    }
  }

  return {
    async handle(event: InboundEvent): Promise<Reply[]> {
      if (event.kind === "unsupported") {
        deps.logger.info({ reason: event.reason }, "unsupported event ignored");
        return [];
      }
      try {
        const replies = await dispatch(event);
        // What people were refused, or told was invalid, expired or closed, by its stable code (never shown).
        for (const { message } of replies) {
          if (message.kind !== "error") continue;
          // The person's id lets whoever runs the bot act on it (e.g. add a refused admin to ADMIN_USER_IDS).
          deps.logger.info({ code: message.code, kind: event.kind, user: event.user.id }, "request not done");
          ctx.emit({ type: "request-refused", platform: event.address.platform, code: message.code });
        }
        return replies;
      } catch (error) {
        // An outage is expected now and then (warn); anything else is a bug or bad data to look at (error).
        if (error instanceof StoreUnavailableError)
          deps.logger.warn({ err: error, kind: event.kind }, "store unavailable");
        else deps.logger.error({ err: error, code: errorCode(error), kind: event.kind }, "event failed");
        ctx.emit({ type: "request-failed", platform: event.address.platform, code: errorCode(error) });
        return [{ message: errorMessage(error), delivery: { to: "private", ephemeral: true } }];
      }
    },
  };
}

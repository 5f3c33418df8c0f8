import { z } from "zod";
import { teamOf } from "../../src/chat/address.js";
import { checkedRender } from "../../src/chat/checked-render.js";
import { spellCommands, spellCommandsIn } from "../../src/chat/command-words.js";
import type { Delivery } from "../../src/chat/delivery.js";
import { errorMessage } from "../../src/chat/error-message.js";
import type { FormMessage } from "../../src/chat/forms.js";
import { deliverySchema, type FileMessage, type OutboundMessage, type Reply } from "../../src/chat/outbound.js";
import type { Logger } from "../../src/chat/ports.js";
import { InvariantError } from "../../src/errors.js";
import { type Keys, RESPONSE_TTL_MS } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { spellSlackCommand } from "./command-spelling.js";
import type { Origin } from "./origin.js";
import type { Profiles } from "./profiles.js";
import { createQuestionRenders } from "./question-renders.js";
import { section } from "./render-elements.js";
import { renderForm } from "./render-form.js";
import { renderHome } from "./render-home.js";
import { renderMessage, renderThreaded } from "./render-message.js";
import {
  type HomeView,
  homeViewSchema,
  modalViewSchema,
  type SlackMessage,
  slackMessageSchema,
} from "./render-schema.js";
import { type SlackApi, slackErrorCode } from "./slack-api.js";

type ParsedDelivery = z.output<typeof deliverySchema>;

/** A tracked message (the round invitation) is edited for as long as the round's answers are kept. */
const TRACKED_MESSAGE_TTL_MS = RESPONSE_TTL_MS;
export const trackedMessage = z.object({
  channel: z.string(),
  ts: z.string(),
  /** The thread the message was posted in, if any: its details reply there too (Slack threads do not nest). */
  thread: z.string().optional(),
});
type Posted = z.infer<typeof trackedMessage>;
/** Long enough for the copies of one click to have arrived; a reply whose post failed is tried again after it. */
const REPLY_CLAIM_MS = 60_000;
/** chat.update refuses: the tracked message was deleted or can no longer be edited, so a fresh one is posted. */
const GONE = new Set(["message_not_found", "cant_update_message", "channel_not_found", "edit_window_closed"]);
/** The app cannot post where it is not a member (a private channel, someone else's DM). */
const NOT_A_MEMBER = new Set(["channel_not_found", "not_in_channel", "user_not_in_channel"]);

/** Slack's one failure a person can fix: the app is not in the channel. Any other goes through errorMessage. */
const apology = (slackCode: string | undefined): OutboundMessage =>
  NOT_A_MEMBER.has(slackCode ?? "")
    ? {
        kind: "error",
        code: "app_not_in_channel",
        text: "I can't post in this channel yet.",
        lines: ["Add the app to it (channel details → Integrations → Add apps), then try again."],
        buttons: [],
      }
    : errorMessage(undefined);

export type SlackDelivery = Delivery<Origin>;

export function createDelivery(deps: {
  /** The Web API as the bot of a workspace (its own token: one workspace's post can never use another's). */
  apiFor: (workspace: string) => Promise<SlackApi>;
  store: Store;
  keys: Keys;
  profiles: Profiles;
  logger: Logger;
}): SlackDelivery {
  const { apiFor, store, keys, profiles, logger } = deps;

  const question = createQuestionRenders();

  /**
   * Render and check against Block Kit's limits; a message that breaks them still goes out, as its text.
   * Questions, one per click, skip the check: test/adapters/slack/render.test.ts proves that any question message
   * at all renders within the limits, so checking each one again only spent CPU on every click.
   */
  function render(message: OutboundMessage): SlackMessage {
    return message.kind === "question" ? question(message) : checked(renderMessage(message), message.kind);
  }

  function checked(rendered: SlackMessage, kind: OutboundMessage["kind"]): SlackMessage {
    const fallback = () => ({ text: rendered.text, blocks: [section(rendered.text)] });
    return checkedRender(rendered, slackMessageSchema, fallback, { logger, what: "slack message", kind });
  }

  /** For a message the bot posts or edits itself: its first screen, and its details for a thread reply under it. */
  function renderForThread(message: OutboundMessage): { message: SlackMessage; thread?: SlackMessage } {
    if (message.kind === "question") return { message: question(message) };
    const { message: first, thread } = renderThreaded(message);
    return { message: checked(first, message.kind), ...(thread ? { thread: checked(thread, message.kind) } : {}) };
  }

  /**
   * A message's details, as a reply in the thread under it (or in the thread it sits in: Slack threads do not
   * nest). Sent again for the same message (a tracked message updated, a clicked message replaced twice), the
   * earlier reply is edited rather than a second one added. A failure is logged, not thrown: the message itself is
   * out, and a caller retrying would post it twice.
   */
  async function postThread(api: SlackApi, workspace: string, under: Posted, thread: SlackMessage): Promise<void> {
    const key = keys.message({ platform: "slack", workspace, channel: under.channel }, `details:${under.ts}`);
    const parent = under.thread ?? under.ts;
    try {
      const earlier = await store.get(key, trackedMessage);
      if (earlier && (await updated(api, earlier, thread))) return;
      // A double click handled by two replicas shows the same result twice at once: one of them adds the reply.
      const claim = keys.eventSeen({ platform: "slack", workspace }, `details:${under.channel}:${under.ts}`);
      if (!earlier && !(await store.setIfAbsent(claim, 1, REPLY_CLAIM_MS))) return;
      await store.set(key, await api.postMessage(under.channel, thread, parent), TRACKED_MESSAGE_TTL_MS);
    } catch (error) {
      logger.error(
        { err: error, code: slackErrorCode(error), channel: under.channel, parent },
        "slack thread reply failed: the message went out without its details",
      );
    }
  }

  /** Edit a message the bot posted; false when it is gone (deleted, too old to edit), so a new one is posted. */
  async function updated(api: SlackApi, at: Posted, message: SlackMessage): Promise<boolean> {
    try {
      await api.update(at.channel, at.ts, message);
      return true;
    } catch (error) {
      if (!GONE.has(slackErrorCode(error) ?? "")) throw error;
      logger.info({ code: slackErrorCode(error), ts: at.ts }, "slack message to edit is gone: posting a new one");
      return false;
    }
  }

  function home(messages: readonly OutboundMessage[]): HomeView {
    return checkedRender(renderHome(messages), homeViewSchema, () => renderHome([]), {
      logger,
      what: "slack home view",
    });
  }

  async function direct(origin: Origin, message: OutboundMessage): Promise<void> {
    const { address, userId } = origin;
    const channel = userId
      ? await profiles.dmChannel(address.workspace, userId)
      : address.isDirect
        ? address.channel
        : undefined;
    if (!channel) throw new InvariantError("a private reply needs a person or a direct conversation");
    if (message.kind === "file") return upload(address.workspace, channel, message);
    const api = await apiFor(address.workspace);
    const { message: first, thread } = renderForThread(message);
    const posted = await api.postMessage(channel, first);
    if (thread) await postThread(api, address.workspace, posted, thread);
  }

  /** Files go up as files, whatever the delivery asked for (an ephemeral message cannot carry one). */
  async function upload(workspace: string, channel: string, file: FileMessage): Promise<void> {
    const comment = spellCommandsIn(file.text, spellSlackCommand);
    return (await apiFor(workspace)).uploadFile(channel, { filename: file.filename, content: file.content, comment });
  }

  async function ephemeral(origin: Origin, message: OutboundMessage): Promise<void> {
    if (!origin.userId) throw new InvariantError("an ephemeral reply needs a person");
    const rendered = render(message);
    const api = await apiFor(origin.address.workspace);
    try {
      await api.postEphemeral(origin.address.channel, origin.userId, rendered);
    } catch (error) {
      // Slash commands work in conversations the app is not in; their response_url reaches the person there.
      if (!origin.responseUrl || !NOT_A_MEMBER.has(slackErrorCode(error) ?? "")) throw error;
      await api.respond(origin.responseUrl, { ...rendered, response_type: "ephemeral" });
    }
  }

  async function replace(origin: Origin, message: OutboundMessage): Promise<void> {
    const clicked = origin.clicked;
    if (!clicked) return direct(origin, message);
    const api = await apiFor(origin.address.workspace);
    // Ephemeral messages cannot be edited with chat.update; their response_url can replace them.
    if (clicked.ephemeral) {
      if (!origin.responseUrl) return direct(origin, message);
      return api.respond(origin.responseUrl, { ...render(message), replace_original: true });
    }
    const { message: first, thread } = renderForThread(message);
    await api.update(clicked.channel, clicked.ts, first);
    const { thread: within } = origin.address;
    const under = { channel: clicked.channel, ts: clicked.ts, ...(within ? { thread: within } : {}) };
    if (thread) await postThread(api, origin.address.workspace, under, thread);
  }

  async function toChannel(origin: Origin, message: OutboundMessage, d: Extract<ParsedDelivery, { to: "channel" }>) {
    const target = d.address ?? origin.address;
    const { message: first, thread } = renderForThread(message);
    const api = await apiFor(target.workspace);
    const key = d.track ? keys.message(teamOf(target), d.track) : undefined;
    const stored = key && d.update ? await store.get(key, trackedMessage) : undefined;
    let at: Posted;
    if (stored && (await updated(api, stored, first))) at = stored;
    else {
      const posted = await api.postMessage(target.channel, first, target.thread);
      at = target.thread ? { ...posted, thread: target.thread } : posted;
      if (key) await store.set(key, at, TRACKED_MESSAGE_TTL_MS);
    }
    if (thread) await postThread(api, target.workspace, at, thread);
  }

  /** A form opens as a modal where Slack gave a trigger (a command or a click); elsewhere its values are posted. */
  async function openForm(origin: Origin, form: FormMessage): Promise<boolean> {
    if (!origin.triggerId) return false;
    const view = modalViewSchema.safeParse(renderForm(spellCommands(form, spellSlackCommand)));
    if (!view.success) {
      logger.error({ issues: view.error.issues.slice(0, 5) }, "slack modal breaks the platform's limits: sent as text");
      return false;
    }
    await (await apiFor(origin.address.workspace)).openView(origin.triggerId, view.data);
    return true;
  }

  async function send(origin: Origin, reply: Reply): Promise<void> {
    if (reply.message.kind === "form" && (await openForm(origin, reply.message))) return;
    const d = deliverySchema.parse(reply.delivery);
    if (reply.message.kind === "file") {
      return d.to === "channel"
        ? upload(origin.address.workspace, (d.address ?? origin.address).channel, reply.message)
        : direct(origin, reply.message);
    }
    switch (d.to) {
      case "channel":
        return toChannel(origin, reply.message, d);
      case "replace":
        return replace(origin, reply.message);
      case "private":
        return d.ephemeral ? ephemeral(origin, reply.message) : direct(origin, reply.message);
    }
  }

  async function publishHome(origin: Origin, messages: readonly OutboundMessage[]): Promise<void> {
    if (!origin.userId) throw new InvariantError("a home view needs a person");
    await (await apiFor(origin.address.workspace)).publishHome(origin.userId, home(messages));
  }

  async function tell(origin: Origin, message: OutboundMessage): Promise<void> {
    try {
      if (origin.home) await publishHome(origin, [message]);
      else await send(origin, { message, delivery: { to: "private", ephemeral: true } });
    } catch (error) {
      logger.error({ err: error, code: slackErrorCode(error) }, "could not tell the person about a failure");
    }
  }

  return {
    proactive: (address, reply, userId) => send({ address, ...(userId ? { userId } : {}) }, reply),
    async inTurn(origin, replies) {
      // In the Home tab, what is meant for the person alone is published there instead of sent as messages.
      const forHome: OutboundMessage[] = [];
      let failed: { code: string | undefined } | undefined;
      const attempt = async (what: string, run: () => Promise<void>) => {
        try {
          await run();
        } catch (error) {
          failed = { code: slackErrorCode(error) };
          logger.error({ err: error, code: failed.code, delivery: what }, "slack delivery failed");
        }
      };
      for (const reply of replies) {
        // A form opens as a modal over the Home tab, like anywhere else.
        if (origin.home && reply.delivery.to !== "channel" && reply.message.kind !== "form")
          forHome.push(reply.message);
        else await attempt(reply.delivery.to, () => send(origin, reply));
      }
      if (origin.home === "opened" || forHome.length > 0) await attempt("home", () => publishHome(origin, forHome));
      if (failed) await tell(origin, apology(failed.code));
    },
  };
}

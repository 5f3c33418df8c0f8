import { spellCommands } from "../../src/chat/command-words.js";
import { formLines } from "../../src/chat/forms.js";
import { invitationStanding } from "../../src/chat/invitation-words.js";
import type { InvitationMessage, NoticeMessage, OutboundMessage, ProblemMessage } from "../../src/chat/outbound.js";
import { spellSlackCommand } from "./command-spelling.js";
import { slackLinks } from "./links.js";
import { mentionChannels } from "./mention-channels.js";
import {
  type ActionIds,
  actionIds,
  actions,
  capBlocks,
  context,
  divider,
  fallbackText,
  image,
  neutralButton,
  sections,
} from "./render-elements.js";
import { renderQuestion } from "./render-question.js";
import { type Block, LIMITS, type SlackMessage } from "./render-schema.js";
import { renderSummary, type SplitMessage } from "./render-summary.js";
import { escapeMrkdwn as esc } from "./text.js";

/**
 * A neutral message as Block Kit `{ text, blocks }`, in one message: a summary's details follow its first screen,
 * below a divider. For where a message cannot have a thread (ephemeral messages, the Home tab). `text` is the
 * notification and screen-reader fallback. `scope` prefixes action ids when several messages share one view (the
 * Home tab). Commands the flows name are written as the slash command.
 */
export function renderMessage(message: OutboundMessage, scope = ""): SlackMessage {
  const { message: first, details } = render(spellCommands(message, spellSlackCommand), actionIds(scope));
  return finish(details ? { ...first, blocks: [...first.blocks, divider(), ...details.blocks] } : first);
}

/**
 * A neutral message for a conversation where the bot can start a thread: the first screen, ending with a line that
 * points to the thread, and the details as the thread's reply. Messages without details have no thread.
 */
export function renderThreaded(message: OutboundMessage): { message: SlackMessage; thread?: SlackMessage } {
  const { message: first, details } = render(spellCommands(message, spellSlackCommand), actionIds());
  if (!details) return { message: finish(first) };
  return {
    message: finish({ ...first, blocks: [...first.blocks, context([IN_THE_THREAD])] }),
    thread: finish(details),
  };
}

/** One line on a phone: the first screen stays one screen. */
const IN_THE_THREAD = "Details in the thread: what blocks, how, spread";

function finish(message: SlackMessage): SlackMessage {
  const rendered = slackLinks(mentionChannels(message));
  return { text: rendered.text, blocks: capBlocks(rendered.blocks, LIMITS.messageBlocks) };
}

/** Summaries keep their details apart; every other message is whole. */
function render(message: OutboundMessage, ids: ActionIds): SplitMessage {
  return message.kind === "summary" ? renderSummary(message, ids) : { message: renderWhole(message, ids) };
}

function renderWhole(message: Exclude<OutboundMessage, { kind: "summary" }>, ids: ActionIds): SlackMessage {
  switch (message.kind) {
    case "question":
      return renderQuestion(message, ids);
    case "invitation":
      return renderInvitation(message, ids);
    case "notice":
      return renderNotice(message, ids);
    case "error":
      return renderProblem(message, ids);
    case "history": {
      const { text, lines, chart } = message;
      const notice = renderNotice({ kind: "notice", text, lines, buttons: [] }, ids);
      return { ...notice, blocks: [...notice.blocks, ...(chart ? [image(chart.url, chart.alt)] : [])] };
    }
    case "form":
      // Delivery opens forms as modals; this is what shows where only a message fits (no trigger to open one).
      return renderNotice({ kind: "notice", text: message.title, lines: formLines(message), buttons: [] }, ids);
    case "form-errors":
      return renderProblem(
        {
          kind: "error",
          code: "invalid_form",
          text: "Nothing was saved:",
          lines: Object.values(message.errors),
          buttons: [],
        },
        ids,
      );
    case "file":
      // Delivery uploads files; this is what shows where only a message fits (the Home tab).
      return renderNotice(
        { kind: "notice", text: `${message.text} (${message.filename})`, lines: [], buttons: [] },
        ids,
      );
  }
}

/** The round's invitation in the channel: who started it and who has answered (never what). */
function renderInvitation(m: InvitationMessage, ids: ActionIds): SlackMessage {
  const mode = m.mode === "quick" ? "Quick" : "Deep";
  const facts = [`Started by *${esc(m.startedBy)}*`, mode, ...invitationStanding(m).map(esc)];
  const who = m.completed.length > 0 ? [`Answered: ${m.completed.map(esc).join(", ")}`] : [];
  const join =
    m.button && !m.closed ? [neutralButton(ids("join"), { ...m.button, style: m.button.style ?? "primary" })] : [];
  return {
    text: fallbackText(esc(m.text)),
    blocks: [...sections([esc(m.text)]), context([facts.join(" · "), ...who]), ...actions(join)],
  };
}

function renderNotice(m: NoticeMessage, ids: ActionIds): SlackMessage {
  const text = esc(m.text);
  const lines = m.lines.map((line) => `• ${esc(line)}`);
  return { text: fallbackText(text), blocks: noticeBlocks(text, lines, m.buttons, ids) };
}

/**
 * Every problem alike: the mark before what happened, and what to do instead on the line below (no bullet). The
 * notification says both, so a preview does not lose what to do.
 */
function renderProblem(m: ProblemMessage, ids: ActionIds): SlackMessage {
  const text = `:warning: ${esc(m.text)}`;
  const lines = m.lines.map(esc);
  return {
    text: fallbackText([text, ...lines.slice(0, 1)].join(" ")),
    blocks: noticeBlocks(text, lines, m.buttons, ids),
  };
}

function noticeBlocks(text: string, lines: string[], buttons: NoticeMessage["buttons"], ids: ActionIds): Block[] {
  const shown = buttons.map((b, i) => neutralButton(ids(`button:${i + 1}`), b));
  return [...sections([text, ...lines]), ...actions(shown)];
}

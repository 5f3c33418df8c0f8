import { progressLabel } from "../../src/chat/answer-words.js";
import { nameChannels } from "../../src/chat/channel-refs.js";
import { spellCommands } from "../../src/chat/command-words.js";
import { invitationStanding } from "../../src/chat/invitation-words.js";
import { linkSafeUrl, writeLinks } from "../../src/chat/links.js";
import type {
  FileMessage,
  InvitationMessage,
  NoticeMessage,
  OutboundMessage,
  ProblemMessage,
} from "../../src/chat/outbound.js";
import { UNNAMED_CHANNEL } from "./channel-names.js";
import { spellTeamsCommand } from "./command-spelling.js";
import { type Cap, capAt } from "./render-cap.js";
import { actionSets, adaptiveCard, buttons, chartImage, execute, textBlock } from "./render-elements.js";
import { renderForm } from "./render-form.js";
import { renderQuestion } from "./render-question.js";
import { type AdaptiveCard, CARD_LIMITS, type CardElement, cardBytes } from "./render-schema.js";
import { renderSummary } from "./render-summary.js";
import { escapeCardText, safe, shorten } from "./text.js";

/**
 * Scales tried in turn until the card fits Teams' size limit: ordinary messages fit at 1; only pathological ones
 * (dozens of practices with essay-long names) are shortened further, and nothing is ever dropped silently.
 */
const SCALES = [1, 0.5, 0.25, 0.1];

/** A neutral message as an Adaptive Card 1.5 that fits in one Teams message; commands read as words to the bot. */
export function renderCard(neutral: OutboundMessage): AdaptiveCard {
  const message = teamsWords(neutral);
  let card = withLinks(build(message, capAt(SCALES[0] ?? 1)));
  for (const scale of SCALES.slice(1)) {
    if (cardBytes(card) <= CARD_LIMITS.cardBytes) break;
    card = withLinks(build(message, capAt(scale)));
  }
  return card;
}

/** Links as Markdown links in TextBlocks, which Teams renders; elsewhere (titles) the address follows the label. */
const withLinks = (card: AdaptiveCard): AdaptiveCard =>
  writeLinks(card, (link, parent) =>
    parent.type === "TextBlock"
      ? `[${escapeCardText(link.label)}](${linkSafeUrl(link.url)})`
      : `${link.label} (${link.url})`,
  );

/** Plain text for the notification preview and for clients that cannot show cards. */
export function fallbackText(neutral: OutboundMessage): string {
  const message = writeLinks(teamsWords(neutral), (link) => `${link.label} (${link.url})`);
  switch (message.kind) {
    case "question":
      return shorten(`${progressLabel(message.progress)} · ${message.progress.section}: ${message.prompt}`, 200);
    case "summary":
      return shorten(`${message.title}: Level ${message.overall.level} · ${message.overall.name}`, 200);
    case "error":
      // A problem's preview says what to do too (its first line), as on Slack.
      return shorten([message.text, ...message.lines.slice(0, 1)].join(" "), 200);
    case "invitation":
    case "notice":
    case "history":
    case "file":
      return shorten(message.text, 200);
    case "form":
    case "form-errors":
      return shorten(message.kind === "form" ? message.title : message.form.title, 200);
  }
}

/**
 * Commands as the words people send. Channels are named by delivery (withChannelNames) from what was stored at
 * install; any left here get words, never an id.
 */
function teamsWords(neutral: OutboundMessage): OutboundMessage {
  return nameChannels(spellCommands(neutral, spellTeamsCommand), () => UNNAMED_CHANNEL);
}

function build(message: OutboundMessage, cap: Cap): AdaptiveCard {
  switch (message.kind) {
    case "question":
      return adaptiveCard(renderQuestion(message, cap));
    case "summary":
      return adaptiveCard(renderSummary(message, cap), { fullWidth: true });
    case "invitation":
      return adaptiveCard(renderInvitation(message, cap));
    case "notice":
      return adaptiveCard(renderNotice(message, cap));
    case "error":
      return adaptiveCard(renderProblem(message, cap));
    case "history": {
      const { text, lines, chart } = message;
      const image = chart ? [chartImage(chart, cap(1000))] : [];
      return adaptiveCard([...renderNotice({ kind: "notice", text, lines, buttons: [] }, cap), ...image], {
        fullWidth: true,
      });
    }
    case "file":
      return adaptiveCard(renderFile(message, cap));
    case "form":
      return adaptiveCard(renderForm(message, cap));
    case "form-errors":
      return adaptiveCard(renderForm(message.form, cap, message.errors));
  }
}

/** The round's invitation in the channel: who started it and who has answered (never what). */
function renderInvitation(m: InvitationMessage, cap: Cap): CardElement[] {
  const facts = [
    `Started by **${safe(m.startedBy, cap(80))}**`,
    m.mode === "quick" ? "Quick" : "Deep",
    ...invitationStanding(m).map((fact) => safe(fact, cap(200))),
  ];
  const shown = m.completed.slice(0, cap(50));
  const more = m.completed.length - shown.length;
  const who =
    shown.length > 0
      ? [`Answered: ${shown.map((name) => safe(name, cap(40))).join(", ")}${more > 0 ? ` and ${more} more` : ""}`]
      : [];
  const join = m.button && !m.closed ? [execute(m.button.label, m.button.action, m.button.style ?? "primary")] : [];
  return [
    textBlock(safe(m.text, cap(1000)), { weight: m.closed ? "Default" : "Bolder" }),
    textBlock(facts.join(" · "), { isSubtle: true, size: "Small", spacing: "Small" }),
    ...who.map((line) => textBlock(line, { isSubtle: true, size: "Small", spacing: "Small" })),
    ...actionSets(join),
  ];
}

function renderNotice(m: NoticeMessage, cap: Cap): CardElement[] {
  const lines = cappedLines(m.lines, cap).map((line) => `- ${line}`);
  return [
    textBlock(safe(m.text, cap(2000))),
    ...(lines.length > 0 ? [textBlock(lines.join("\n"), { spacing: "Small" })] : []),
    ...actionSets(buttons(m.buttons)),
  ];
}

/**
 * Every problem alike: the mark and what happened in the Attention colour, then what to do instead in ordinary
 * text, each line a block of its own (no list marks).
 */
function renderProblem(m: ProblemMessage, cap: Cap): CardElement[] {
  return [
    textBlock(`⚠ ${safe(m.text, cap(2000))}`, { color: "Attention" }),
    ...cappedLines(m.lines, cap).map((line) => textBlock(line, { spacing: "Small" })),
    ...actionSets(buttons(m.buttons)),
  ];
}

function cappedLines(lines: readonly string[], cap: Cap): string[] {
  const shown = lines.slice(0, cap(50)).map((line) => safe(line, cap(300)));
  return lines.length > shown.length ? [...shown, `…and ${lines.length - shown.length} more`] : shown;
}

/**
 * A bot can attach a file in Teams only through OneDrive consent (personal chats only), so an export is a
 * short-lived download link served by the app; the filename is [\w.-] only, safe inside link text.
 */
function renderFile(m: FileMessage, cap: Cap): CardElement[] {
  return [
    textBlock(safe(m.text, cap(2000))),
    textBlock(
      m.url
        ? `[Download ${m.filename}](${m.url}) (the link works for an hour)`
        : "Downloads are not set up for this app yet: ask whoever runs it to turn them on.",
      { spacing: "Small" },
    ),
  ];
}

import { progressLabel } from "../../src/chat/answer-words.js";
import { nameChannels } from "../../src/chat/channel-refs.js";
import { type CommandSpelling, spellCommands } from "../../src/chat/command-words.js";
import { dimensionBar, dimensionLevel, headline, levelTrend, stepAim } from "../../src/chat/dimension-notes.js";
import { formLines } from "../../src/chat/forms.js";
import { invitationStanding } from "../../src/chat/invitation-words.js";
import { writeLinks } from "../../src/chat/links.js";
import type { OutboundMessage, QuestionMessage, SummaryMessage } from "../../src/chat/outbound.js";
import { averageLine, participationLine } from "../../src/chat/summary-words.js";

/** A command in terminal text: its words (the bare command, which starts an assessment, reads `start`). */
const spellTerminalCommand: CommandSpelling = (words) => `\`${words === "" ? "start" : words}\``;

/**
 * What the person types for each option: a ladder answer's level (0-4, so the key is the level it means) and "n"
 * for an answer that is not a level (Not sure); options of other questions are numbered from 1.
 */
export function optionKeys(question: Pick<QuestionMessage, "options">): string[] {
  const ladder = question.options.some((o) => o.level !== undefined);
  let other = 0;
  return question.options.map((o) => {
    if (o.level !== undefined) return String(o.level);
    other += 1;
    return ladder ? (other === 1 ? "n" : `n${other}`) : String(other);
  });
}

/** Neutral messages as terminal text. Each option shows the key the person types for it. */
export function renderText(neutral: OutboundMessage): string {
  // The terminal's team is the name given with --team, so its id is the name people know.
  const message = writeLinks(
    nameChannels(spellCommands(neutral, spellTerminalCommand), (id) => id),
    (link) => link.url,
  );
  switch (message.kind) {
    case "question": {
      const keys = optionKeys(message);
      return [
        "",
        `${progressLabel(message.progress)} · ${message.progress.section}`,
        message.prompt,
        ...message.options.map((o, i) => `  ${keys[i]}) ${o.label}${o.selected ? "  (your answer)" : ""}`),
        `  ${message.navigation.map((n) => navigationKey(n.action.a)).join("  ")}`,
        ...(message.note ? [`  note: ${message.note}`] : []),
      ].join("\n");
    }
    case "summary":
      return renderSummary(message);
    case "invitation":
      return [
        "",
        message.text,
        invitationStanding(message).join(" · "),
        ...(message.completed.length > 0 ? [`Answered: ${message.completed.join(", ")}`] : []),
      ].join("\n");
    case "notice":
    case "error":
    case "history":
      return [
        message.kind === "error" ? `! ${message.text}` : message.text,
        ...message.lines.map((l) => `  ${l}`),
      ].join("\n");
    case "file":
      // The terminal is the file's destination: print it whole, so it can be redirected or copied.
      return [`${message.text}`, `--- ${message.filename} ---`, message.content.trimEnd(), "--- end ---"].join("\n");
    case "form":
      // The terminal has no forms: the values, and the typed commands change them.
      return [message.title, ...formLines(message).map((l) => `  ${l}`)].join("\n");
    case "form-errors":
      return ["! Nothing was saved:", ...Object.values(message.errors).map((e) => `  ${e}`)].join("\n");
  }
}

function navigationKey(action: string): string {
  return action === "back" ? "b) back" : action === "skip" ? "s) skip" : action === "cancel" ? "c) cancel" : action;
}

function renderSummary(s: SummaryMessage): string {
  const width = Math.max(...s.dimensions.map((d) => d.name.length));
  const who = s.scope === "team" ? "Team overall" : "Overall";
  const out = [
    "",
    s.title,
    `${who}: ${headline(s)}  (${averageLine(s)})`,
    "",
    ...s.dimensions.map((d) => {
      const extras = [
        levelTrend(d.previous, d.level),
        d.spread && d.spread.min !== d.spread.max ? `answers ${d.spread.min}-${d.spread.max}` : "",
        d.disagreement ? "disagreement" : "",
        d.unresolved ? "find out: nobody was sure" : "",
        !d.unresolved && d.level < 4 && d.progress > 0 ? `${d.progress}% to next` : "",
      ].filter(Boolean);
      return `  ${d.name.padEnd(width)}  ${dimensionBar(d)}  ${dimensionLevel(d)}${extras.length ? `  (${extras.join(", ")})` : ""}`;
    }),
  ];
  if (s.explanation) out.push("", `Why: ${s.explanation}`);
  if (s.nextSteps.length > 0) {
    out.push("", "Next steps:");
    s.nextSteps.forEach((n, i) => {
      out.push(`  ${i + 1}. ${n.title} (${n.dimension}, ${stepAim(n)})`, `     Why: ${n.why}`, `     How: ${n.how}`);
    });
  }
  if (s.participation) out.push("", `Participation: ${participationLine(s.participation)}`);
  for (const note of s.notes) out.push(`Note: ${note}`);
  return out.join("\n");
}

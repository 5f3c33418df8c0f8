import type { QuestionMessage } from "./outbound.js";

type Option = QuestionMessage["options"][number];

/** "3/8", or "Before we start" for the uncounted question that decides the count (deep mode's context). */
export function progressLabel({ index, total }: QuestionMessage["progress"]): string {
  return index === 0 ? "Before we start" : `${index}/${total}`;
}

/** The level an answer stands for, "L2", or nothing for answers that are not levels ("Not sure", practices). */
export function optionTag(option: Pick<Option, "level">): string | undefined {
  return option.level === undefined ? undefined : `L${option.level}`;
}

/** The option as one line of text: "L2 · Alerts fire on drift…", or the label alone. */
export function optionLine(option: Pick<Option, "level" | "label">): string {
  const tag = optionTag(option);
  return tag ? `${tag} · ${option.label}` : option.label;
}

/** What a screen reader says for an answer button: the whole answer, and that it is the current one. */
export function spokenAnswer(option: Pick<Option, "level" | "label" | "selected">): string {
  return `${option.selected ? "Keep your answer" : "Answer"}: ${optionLine(option)}`;
}

/** The button beside an answer printed in full: the level when it is one, otherwise a verb. */
export function answerButtonText(option: Pick<Option, "level" | "selected">): string {
  const tag = optionTag(option);
  if (option.selected) return tag ? `✓ ${tag}` : "✓ Chosen";
  return tag ? `Choose ${tag}` : "Choose";
}

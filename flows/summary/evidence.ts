import { command } from "../../src/chat/command-words.js";
import { linkTo, shortAddress } from "../../src/chat/links.js";
import type { AssessmentModel } from "../../src/engine/model-schema.js";
import type { AssessState } from "../assess/assess-state.js";

/** One link a respondent attached to an answer. `by` is used only where the round is attributed. */
export interface EvidenceItem {
  questionId: string;
  /** The practice's title (deep) or the dimension's name (quick). */
  label: string;
  answer: string;
  url: string;
  by: string;
}

/** Shown in a summary; the export carries every link. */
const SUMMARY_EVIDENCE_MAX = 5;

export function evidenceOf(model: AssessmentModel, people: { name: string; state: AssessState }[]): EvidenceItem[] {
  const label = (id: string) => {
    const practice = model.deep.find((p) => p.id === id);
    if (practice) return practice.title;
    const dimension = model.quick.find((q) => q.id === id)?.dimension;
    return model.dimensions.find((d) => d.id === dimension)?.name ?? id;
  };
  return people.flatMap(({ name, state }) =>
    Object.entries(state.evidence ?? {}).map(([questionId, url]) => ({
      questionId,
      label: label(questionId),
      answer: state.answers[questionId] ?? "",
      url,
      by: name,
    })),
  );
}

/** Summary notes for the links, with names only in attributed rounds. */
export function evidenceNotes(items: readonly EvidenceItem[], attributed: boolean): string[] {
  if (items.length === 0) return [];
  const shown = items
    .slice(0, SUMMARY_EVIDENCE_MAX)
    .map((e) => `Evidence for ${e.label}: ${linkTo(e.url, shortAddress(e.url))}${attributed ? ` (${e.by})` : ""}`);
  const more = items.length - shown.length;
  return [...shown, ...(more > 0 ? [`…and ${more} more evidence link(s) in ${command("export")}.`] : [])];
}

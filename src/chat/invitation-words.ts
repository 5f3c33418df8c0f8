import type { InvitationMessage } from "./outbound.js";

/**
 * Where the round stands, the same words on every platform: open, when it closes and how many are answering;
 * closed, the day and the count, and what became of the answers of those who did not finish (left out of the
 * summary, the history and exports: flows/summary/team-result.ts counts completed answers only).
 */
export function invitationStanding(m: Pick<InvitationMessage, "closed" | "closes" | "completed" | "inProgress">) {
  const answered = `${m.completed.length} answered`;
  if (!m.closed) return [`Closes ${m.closes}`, answered, ...(m.inProgress > 0 ? [`${m.inProgress} in progress`] : [])];
  const unfinished = m.inProgress > 0 ? [`${m.inProgress} did not finish: their answers are not counted`] : [];
  return [`Closed on ${m.closes}: ${answered}`, ...unfinished];
}

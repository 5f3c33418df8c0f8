import { dayOf, dayRange } from "../../src/chat/day-words.js";
import { titled } from "../../src/chat/titles.js";
import type { Round } from "../rounds/round-state.js";

/** Whose a history is when the channel's name is not known: what it shows, never an id. */
export const UNNAMED_HISTORY = "MLOps maturity over time";

/** A team round's summary: the day the round closed (or ran out), "as of" today while it is open. */
export function roundTitle(round: Pick<Round, "name" | "closedAt" | "closesAt">, now: Date): string {
  const closed = round.closedAt ?? (Date.parse(round.closesAt) <= now.getTime() ? round.closesAt : undefined);
  return titled(round.name ?? "Team MLOps maturity", closed ? dayOf(closed) : `as of ${dayOf(now.toISOString())}`);
}

/** A team's history: from the day its first round closed to its last's (the chart says the rounds it draws). */
export function historyTitle(name: string | undefined, firstClosed: string, lastClosed: string): string {
  return titled(name ?? UNNAMED_HISTORY, dayRange(firstClosed, lastClosed));
}

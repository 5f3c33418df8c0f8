import type { TeamScope } from "../../src/chat/address.js";
import type { InvitationMessage } from "../../src/chat/outbound.js";
import { personName } from "../../src/chat/person-name.js";
import { aggregate, type LevelSnapshot, type TeamResult } from "../../src/engine/compare.js";
import { type AssessmentResult, score } from "../../src/engine/score.js";
import { formatDay, formatLocal } from "../../src/schedule/parse-schedule.js";
import { canonicalZone } from "../../src/schedule/zoned-time.js";
import { sameScale } from "../assess/assess-flow.js";
import type { AssessState } from "../assess/assess-state.js";
import type { FlowContext } from "../context.js";
import type { RoundRepo } from "../rounds/round-repo.js";
import type { Round } from "../rounds/round-state.js";
import { type EvidenceItem, evidenceOf } from "./evidence.js";

export interface RoundStanding {
  team: TeamResult | undefined;
  participation: { completed: number; inProgress: number };
  completedNames: string[];
  /** Each completed respondent's own result, for attributed rounds (never shown in confidential ones). */
  people: { name: string; result: AssessmentResult }[];
  /** Links respondents attached to their answers. */
  evidence: EvidenceItem[];
  /** Completed under an earlier major model version: not scored (the scale changed), only counted. */
  outdated: number;
}

/** Who has answered a round: all an invitation shows, and far cheaper than a standing (nothing is scored). */
export type Participation = Pick<RoundStanding, "participation" | "completedNames">;

type Responses = Awaited<ReturnType<RoundRepo["responses"]>>;

function participationOf(responses: Responses): Participation {
  const completed = responses.filter((r) => r.state.status === "completed");
  return {
    participation: {
      completed: completed.length,
      inProgress: responses.filter((r) => r.state.status === "in-progress").length,
    },
    completedNames: completed.map((r) => displayName(r.userId, r.state)),
  };
}

export async function roundParticipation(repo: RoundRepo, team: TeamScope, roundId: string): Promise<Participation> {
  return participationOf(await repo.responses(team, roundId));
}

/** Aggregate each respondent's complete answers for a round (re-scored with the current model). */
export async function roundStanding(
  ctx: FlowContext,
  team: TeamScope,
  round: Pick<Round, "id" | "mode" | "closedAt">,
): Promise<RoundStanding> {
  const responses = (await ctx.repo.responses(team, round.id)).map((r) => asOfClose(r, round.closedAt));
  const finished = responses.filter((r) => r.state.status === "completed");
  // Answers given on another scale would be scored wrongly, silently: leave them out and say how many.
  const completed = finished.filter((r) => sameScale(ctx.model, r.state));
  const people = completed.map((r) => ({
    name: displayName(r.userId, r.state),
    result: score(ctx.model, r.state.mode, r.state.answers),
  }));
  return {
    team: aggregate(
      ctx.model,
      round.mode,
      people.map((p) => p.result),
    ),
    ...participationOf(responses),
    people,
    outdated: finished.length - completed.length,
    evidence: evidenceOf(
      ctx.model,
      completed.map((r) => ({ name: displayName(r.userId, r.state), state: r.state })),
    ),
  };
}

/**
 * A closed round counts the answers that were in when it closed: an assessment finished later (a click that raced
 * the close) is shown as unfinished, so the summary, forget-me's re-aggregation and history agree.
 */
function asOfClose<R extends { state: AssessState }>(response: R, closedAt: string | undefined): R {
  const { state } = response;
  const finishedAt = state.completedAt ?? state.updatedAt;
  if (!closedAt || state.status !== "completed" || finishedAt <= closedAt) return response;
  return { ...response, state: { ...state, status: "in-progress" } };
}

function displayName(userId: string, state: AssessState): string {
  return personName({ id: userId, name: state.userName });
}

export function snapshotOf(team: TeamResult): LevelSnapshot & { profile: number } {
  return {
    modelVersion: team.result.modelVersion,
    overall: team.result.overall,
    profile: team.result.profile,
    dimensions: team.result.dimensions.map((d) => ({
      dimension: d.dimension,
      level: d.level,
      ...(d.unresolved ? { unrated: true } : {}),
    })),
  };
}

/**
 * The round's invitation: open, when it closes and who has answered; closed, the day it closed. People who started
 * and did not finish by then are counted apart: roundStanding leaves their answers out of every result.
 */
export function invitationMessage(round: Round, standing: Participation, now: Date): InvitationMessage {
  const closed = Boolean(round.closedAt) || new Date(round.closesAt) <= now;
  const starter = personName(round.openedBy, "Someone");
  const { inProgress } = standing.participation;
  // The opener's clock: the round was opened for a whole number of days from that moment, not to a midnight.
  const zone = (round.timeZone && canonicalZone(round.timeZone)) ?? "UTC";
  const closes = closed
    ? formatDay(new Date(round.closedAt ?? round.closesAt), zone)
    : formatLocal(new Date(round.closesAt), zone);
  const text = closed
    ? "This MLOps maturity round is closed."
    : `${starter} started an MLOps maturity round (${round.mode}, about ${round.mode === "quick" ? "3" : "10"} minutes). ` +
      (round.privacy === "attributed"
        ? "This channel runs attributed rounds: the team summary and exports show who answered what."
        : "Everyone answers privately; the team summary shows levels, not who answered what.");
  return {
    kind: "invitation",
    startedBy: starter,
    mode: round.mode,
    completed: standing.completedNames,
    inProgress,
    closed,
    closes,
    ...(closed
      ? {}
      : {
          button: {
            label: "Take the assessment",
            action: { a: "join" as const, c: round.channel, r: round.id, m: round.mode },
            style: "primary" as const,
          },
        }),
    text,
  };
}

import type { Address, ChatUser } from "../../src/chat/address.js";
import { command } from "../../src/chat/command-words.js";
import type { Delivery, Reply } from "../../src/chat/outbound.js";
import { questionsFor } from "../../src/engine/questions.js";
import { score } from "../../src/engine/score.js";
import { DAY_MS } from "../../src/time-units.js";
import { closedRefusal } from "../commands/permission.js";
import { channelAddress, type FlowContext, teamScope } from "../context.js";
import { notice, problem } from "../replies.js";
import { refreshInvitation } from "../rounds/invitation-refresh.js";
import type { Round } from "../rounds/round-state.js";
import { personalSummary } from "../summary/summary-message.js";
import { type AssessOutcome, type AssessStep, assessNext, startAssessment } from "./assess-flow.js";
import type { AssessInput, AssessState } from "./assess-state.js";
import { questionMessage } from "./question-message.js";

const EVIDENCE_HINT = `Got proof for an answer (a CI run, a dashboard, a runbook)? ${command("evidence <question number> <link>")} adds it to the team's summary and exports.`;

/** Start the person's questionnaire for a round, or pick it up where they left it. */
export async function beginAssessment(ctx: FlowContext, from: Address, user: ChatUser, round: Round): Promise<Reply[]> {
  const team = teamScope(from, round.channel);
  const now = ctx.clock();
  let step: AssessStep | undefined;
  let fresh = false;
  await ctx.repo.updateResponse(team, round.id, user.id, (current) => {
    fresh = current === undefined;
    step = current
      ? assessNext(ctx.model, current, { type: "resume" }, now)
      : startAssessment(
          ctx.model,
          round.mode,
          { roundId: round.id, channel: round.channel, focus: round.focus },
          user.name,
          now,
        );
    return step.changed ? step.state : undefined;
  });
  if (!step) return [];
  if (fresh && step.changed) ctx.emit({ type: "assessment-started", platform: from.platform, mode: round.mode });
  await ctx.repo.addRespondent(team, round.id, user.id);
  // A reminder check a day later; the runner sends nothing if the person has finished by then.
  if (step.outcome.kind === "ask")
    await ctx.schedules.remindLater(team, round.id, user.id, new Date(now.getTime() + DAY_MS));
  await ctx.repo.setActive(team, user.id, { channel: round.channel, roundId: round.id });
  return outcomeReplies(ctx, from, round.id, step, { to: "private", ephemeral: false });
}

/**
 * Apply one input (answer, back, skip, cancel, resume) atomically and say what comes next, only while the round
 * still takes answers: checked with the write itself, and a closed round gets closedRefusal's explanation.
 */
export async function continueAssessment(
  ctx: FlowContext,
  from: Address,
  user: ChatUser,
  ref: { channel: string; roundId: string },
  input: AssessInput,
  delivery: Delivery,
): Promise<Reply[]> {
  const team = teamScope(from, ref.channel);
  const now = ctx.clock();
  let step: AssessStep | undefined;
  const written = await ctx.repo.updateResponseWhileOpen(team, ref.roundId, user.id, now, (current) => {
    step = current ? assessNext(ctx.model, current, input, now) : undefined;
    return step?.changed ? step.state : undefined;
  });
  const late = written.refused ? await closedRefusal(ctx, team, ref.roundId, user.id) : undefined;
  if (late) return [late];
  if (written.refused || !step) {
    return [
      problem(
        "assessment_gone",
        "I can't find that assessment any more.",
        `Start a new one with ${command()}.`,
        delivery,
      ),
    ];
  }
  // An answer or resume on a finished assessment (a double click or replay of the last answer, a retry after a
  // crash hid the result) shows the result again: a notice would cover it, and `summary` in a DM cannot bring it back.
  const { state } = step;
  if (state.status === "completed" && !step.changed && (input.type === "answer" || input.type === "resume")) {
    const skipped = questionsFor(ctx.model, state.mode, state.answers, state.focus).filter(
      (q) => state.answers[q.id] === undefined,
    );
    return [await personalResult(ctx, from, state, skipped.length, delivery)];
  }
  return outcomeReplies(ctx, from, ref.roundId, step, delivery);
}

async function outcomeReplies(
  ctx: FlowContext,
  from: Address,
  roundId: string,
  step: AssessStep,
  delivery: Delivery,
): Promise<Reply[]> {
  const { state, outcome } = step;
  const ref = { channel: state.channel, roundId };
  switch (outcome.kind) {
    case "ask":
      return [{ message: questionMessage(ref, outcome, state.answers[outcome.question.id]), delivery }];
    case "cancelled":
      return [notice(`Cancelled. Start again any time with ${command()}.`, delivery)];
    case "closed":
      return [
        outcome.status === "completed"
          ? problem(
              "assessment_completed",
              "You have already completed this assessment.",
              `See the results with ${command("summary")}.`,
              delivery,
            )
          : problem(
              "assessment_cancelled",
              "You cancelled this assessment.",
              `Start again with ${command()}.`,
              delivery,
            ),
      ];
    case "completed":
      if (!step.changed) return [];
      ctx.emit({ type: "assessment-completed", platform: from.platform, mode: state.mode });
      return completionReplies(ctx, from, state, outcome, delivery);
  }
}

/** The person's own result, as shown when they complete the assessment. */
async function personalResult(
  ctx: FlowContext,
  from: Address,
  state: AssessState,
  skipped: number,
  delivery: Delivery,
): Promise<Reply> {
  const settings = await ctx.repo.settings(teamScope(from, state.channel));
  const result = score(ctx.model, state.mode, state.answers);
  const notes = [
    ...(skipped > 0 ? [`You skipped ${skipped} question(s); skipped practices keep a level from being claimed.`] : []),
    ...(Object.keys(state.evidence ?? {}).length === 0 ? [EVIDENCE_HINT] : []),
  ];
  return {
    message: personalSummary(
      {
        model: ctx.model,
        title: "Your MLOps maturity",
        notes,
        ...(settings.target === undefined ? {} : { target: settings.target }),
      },
      result,
    ),
    delivery,
  };
}

async function completionReplies(
  ctx: FlowContext,
  from: Address,
  state: AssessState,
  outcome: Extract<AssessOutcome, { kind: "completed" }>,
  delivery: Delivery,
): Promise<Reply[]> {
  const team = teamScope(from, state.channel);
  const mine = await personalResult(ctx, from, state, outcome.skipped, delivery);
  const round = await ctx.repo.latestRound(team);
  if (!round || round.id !== state.roundId || round.personal) return [mine];
  // Tell the channel who has answered (not what): the invitation updates in place.
  return [mine, ...(await refreshInvitation(ctx, channelAddress(from, round.channel), round))];
}

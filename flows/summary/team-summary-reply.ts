import type { Address } from "../../src/chat/address.js";
import type { Reply } from "../../src/chat/outbound.js";
import { actionsMoved } from "../actions/actions-moved.js";
import { channelAddress, type FlowContext, teamScope } from "../context.js";
import { isOpen } from "../rounds/round-repo.js";
import { type Round, spreadFloor } from "../rounds/round-state.js";
import { evidenceNotes } from "./evidence.js";
import { teamSummary } from "./summary-message.js";
import { roundStanding } from "./team-result.js";
import { roundTitle } from "./titles.js";

/** The round's team summary for its channel (in a DM: the person's own result); none while nobody has completed. */
export async function teamSummaryReply(ctx: FlowContext, address: Address, round: Round): Promise<Reply | undefined> {
  const team = teamScope(address, round.channel);
  const standing = await roundStanding(ctx, team, round);
  if (!standing.team) return undefined;
  const [settings, past] = await Promise.all([ctx.repo.settings(team), ctx.repo.history(team)]);
  const before = past.filter((r) => r.roundId !== round.id && r.snapshot).at(-1);
  const previous = before?.snapshot;
  // A personal assessment has no team actions; a team's say what moved since it adopted them.
  const moved = round.personal ? [] : await actionsMoved(ctx, team, round, standing.team.result, before);
  const message = teamSummary(
    {
      model: ctx.model,
      title: round.personal ? "Your MLOps maturity" : roundTitle(round, ctx.clock()),
      ...(previous ? { previous } : {}),
      ...(settings.target === undefined ? {} : { target: settings.target }),
      minRespondentsForSpread: spreadFloor(round, settings, ctx.minRespondentsForSpread),
      ...(round.privacy === "attributed" ? { attributed: standing.people } : {}),
      ...(round.personal ? {} : { adoptIn: round.channel }),
      notes: [
        ...(round.focus ? [partialNote(ctx, round.focus)] : []),
        ...moved,
        ...evidenceNotes(standing.evidence, round.privacy === "attributed"),
        ...(standing.outdated > 0
          ? [
              `${standing.outdated} answer set${standing.outdated === 1 ? " was" : "s were"} given on an earlier version of the questionnaire and ${standing.outdated === 1 ? "is" : "are"} not counted.`,
            ]
          : []),
      ],
    },
    standing.team,
    // Closed, or past its closing time: nobody is answering any more.
    { ...standing.participation, ...(isOpen(round, ctx.clock()) ? {} : { closed: true }) },
  );
  // A personal round is kept under its person, not a conversation: its result goes to that person.
  const delivery: Reply["delivery"] = round.personal
    ? { to: "private", ephemeral: false }
    : { to: "channel", address: channelAddress(address, round.channel) };
  return { message, delivery };
}

/** A partial round asked about one dimension: the others show as unrated here, and history keeps their levels. */
function partialNote(ctx: FlowContext, focus: string): string {
  const name = ctx.model.dimensions.find((d) => d.id === focus)?.name ?? focus;
  return `Partial re-check of ${name}: only its statements were asked. History keeps the team's other levels from the last round.`;
}

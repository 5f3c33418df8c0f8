import type { Address } from "../src/chat/address.js";
import type { Reply } from "../src/chat/outbound.js";
import type { Mode } from "../src/engine/answers.js";
import { type LevelSnapshot, trend } from "../src/engine/compare.js";
import { beginAssessment, continueAssessment } from "./assess/assess-service.js";
import { type CommandEvent, channelAddress, type FlowContext, teamScope } from "./context.js";
import { evidenceCommand } from "./evidence-command.js";
import { exportCommand } from "./export/export-command.js";
import { forgetMe } from "./forget-me.js";
import { pauseCommand, scheduleCommand, snoozeCommand } from "./nudge/schedule-commands.js";
import { orgCommand } from "./org/org-command.js";
import { mayManage } from "./permissions.js";
import { privacyCommand } from "./privacy-command.js";
import { privately, toChannel } from "./replies.js";
import { INVITATION_TRACK } from "./rounds/invitation-refresh.js";
import { isOpen } from "./rounds/round-repo.js";
import type { Round, RoundRecord } from "./rounds/round-state.js";
import { type Command, HELP_LINES } from "./router.js";
import { evidenceNotes } from "./summary/evidence.js";
import { teamSummary } from "./summary/summary-message.js";
import { invitationMessage, roundParticipation, roundStanding, snapshotOf } from "./summary/team-result.js";

export async function runCommand(ctx: FlowContext, event: CommandEvent, command: Command): Promise<Reply[]> {
  switch (command.kind) {
    case "start":
      return start(ctx, event, command.mode);
    case "resume":
      return resume(ctx, event);
    case "status":
      return status(ctx, event);
    case "summary":
      return summary(ctx, event);
    case "history":
      return history(ctx, event);
    case "close":
      return close(ctx, event);
    case "target":
      return target(ctx, event, command.level);
    case "schedule":
      return scheduleCommand(ctx, event, command.text);
    case "pause":
      return pauseCommand(ctx, event, true);
    case "unpause":
      return pauseCommand(ctx, event, false);
    case "snooze":
      return snoozeCommand(ctx, event, command.days);
    case "forget-me":
      return forgetMe(ctx, event, command.confirmed);
    case "privacy":
      return privacyCommand(ctx, event, command.text);
    case "org":
      return orgCommand(ctx, event);
    case "export":
      return exportCommand(ctx, event, command.format);
    case "evidence":
      return evidenceCommand(ctx, event, command.text);
    case "help":
      return [
        privately(
          command.unknown ? `I don't know "${command.unknown}". Here is what I can do:` : "Here is what I can do:",
          HELP_LINES,
        ),
      ];
  }
}

async function start(ctx: FlowContext, { address, user }: CommandEvent, mode: Mode): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const latest = await ctx.repo.latestRound(team);
  const expired = latest && !latest.closedAt && !isOpen(latest, ctx.clock());
  const replies: Reply[] = expired ? await closeRound(ctx, address, latest) : [];
  const settings = await ctx.repo.settings(team);
  const opened = await ctx.repo.openOrJoin(team, {
    mode,
    openedBy: { id: user.id, ...(user.name ? { name: user.name } : {}) },
    personal: address.isDirect,
    privacy: settings.privacy ?? "confidential",
    now: ctx.clock(),
    roundDays: ctx.roundDays,
  });
  const { round, created } = opened;
  if (!round.personal && created) {
    replies.push({
      message: invitationMessage(round, await roundParticipation(ctx.repo, team, round.id), ctx.clock()),
      delivery: { to: "channel", track: INVITATION_TRACK(round.id), update: false },
    });
  } else if (!round.personal) {
    replies.push(privately("A round is already open in this channel: I've sent you its questions privately."));
  }
  return [...replies, ...(await beginAssessment(ctx, address, user, round))];
}

async function resume(ctx: FlowContext, { address, user }: CommandEvent): Promise<Reply[]> {
  const pointer = await ctx.repo.active(address, user.id);
  if (!pointer) return [privately("You have nothing to resume. Start with `/mlops-assess`.")];
  return continueAssessment(ctx, address, user, pointer, { type: "resume" }, { to: "private", ephemeral: false });
}

async function status(ctx: FlowContext, { address, user }: CommandEvent): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const round = await ctx.repo.latestRound(team);
  if (!round) return [privately("No assessment yet here. Start one with `/mlops-assess`.")];
  const standing = await roundStanding(ctx, team, round);
  const mine = await ctx.repo.response(team, round.id, user.id);
  const open = isOpen(round, ctx.clock());
  return [
    privately(
      `${open ? "Open" : "Closed"} ${round.mode} round started by ${round.openedBy.name ?? round.openedBy.id}.`,
      [
        `Completed: ${standing.participation.completed} · in progress: ${standing.participation.inProgress}`,
        open
          ? `Closes automatically on ${round.closesAt.slice(0, 10)}`
          : `Closed on ${(round.closedAt ?? round.closesAt).slice(0, 10)}`,
        mine
          ? `You: ${mine.status === "completed" ? "done" : `${Object.keys(mine.answers).length} answered so far`}`
          : "You have not started yet.",
      ],
    ),
  ];
}

/** Post the team summary in the channel (in a DM: the person's own result). */
async function summary(ctx: FlowContext, { address }: CommandEvent): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const round = await ctx.repo.latestRound(team);
  if (!round) return [privately("No assessment yet here. Start one with `/mlops-assess`.")];
  const summaryReply = await summaryFor(ctx, address, round);
  return summaryReply ? [summaryReply] : [privately("Nobody has completed this round yet.")];
}

async function summaryFor(ctx: FlowContext, address: Address, round: Round): Promise<Reply | undefined> {
  const team = teamScope(address, round.channel);
  const standing = await roundStanding(ctx, team, round);
  if (!standing.team) return undefined;
  const [settings, past] = await Promise.all([ctx.repo.settings(team), ctx.repo.history(team)]);
  const previous = past.filter((r) => r.roundId !== round.id && r.snapshot).at(-1)?.snapshot;
  const message = teamSummary(
    {
      model: ctx.model,
      title: round.personal ? "Your MLOps maturity" : "Team MLOps maturity",
      ...(previous ? { previous } : {}),
      ...(settings.target === undefined ? {} : { target: settings.target }),
      minRespondentsForSpread: settings.minRespondents ?? ctx.minRespondentsForSpread,
      ...(round.privacy === "attributed" ? { attributed: standing.people } : {}),
      notes: [
        ...evidenceNotes(standing.evidence, round.privacy === "attributed"),
        ...(standing.outdated > 0
          ? [
              `${standing.outdated} answer set${standing.outdated === 1 ? " was" : "s were"} given on an earlier version of the questionnaire and ${standing.outdated === 1 ? "is" : "are"} not counted.`,
            ]
          : []),
      ],
    },
    standing.team,
    standing.participation,
  );
  return { message, delivery: { to: "channel", address: channelAddress(address, round.channel) } };
}

async function history(ctx: FlowContext, { address }: CommandEvent): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const [records, settings] = await Promise.all([ctx.repo.history(team), ctx.repo.settings(team)]);
  const rounds = records.filter((r): r is RoundRecord & { snapshot: NonNullable<RoundRecord["snapshot"]> } =>
    Boolean(r.snapshot),
  );
  if (rounds.length === 0) return [privately("No closed rounds yet. Close one with `/mlops-assess close`.")];
  const lines = rounds.map((r, i) => {
    const prev = rounds[i - 1];
    const change = prev ? trend(prev.snapshot, r.snapshot).overall.delta : 0;
    const arrow = change > 0 ? ` (up ${change})` : change < 0 ? ` (down ${-change})` : "";
    const level = ctx.model.levels[r.snapshot.overall]?.name ?? "";
    return `${r.closedAt.slice(0, 10)} · Level ${r.snapshot.overall} ${level}${arrow} · profile ${r.snapshot.profile} · ${r.respondents} answered`;
  });
  // The chart draws the dimensions every shown round has: a model change must not draw a missing level as 0.
  const shared = ctx.model.dimensions.filter((d) =>
    rounds.every((r) => r.snapshot.dimensions.some((x) => x.dimension === d.id)),
  );
  const levelOf = (r: (typeof rounds)[number], id: string) =>
    r.snapshot.dimensions.find((x) => x.dimension === id)?.level ?? 0;
  const series = {
    title: "MLOps maturity over time",
    dimensions: shared.map((d) => d.name),
    rounds: rounds.map((r) => ({
      label: r.closedAt.slice(0, 10),
      overall: r.snapshot.overall,
      levels: shared.map((d) => levelOf(r, d.id)),
    })),
    ...(settings.target === undefined ? {} : { target: settings.target }),
  };
  return [
    {
      message: {
        kind: "history",
        text: "Past rounds:",
        lines: [...lines, ...whatChanged(ctx, rounds.at(-2)?.snapshot, rounds.at(-1)?.snapshot)],
        series,
      },
      delivery: { to: "channel" },
    },
  ];
}

/** The dimensions that moved between the last two rounds, biggest moves first: what a team wants to know. */
function whatChanged(ctx: FlowContext, before?: LevelSnapshot, after?: LevelSnapshot): string[] {
  if (!before || !after) return [];
  const change = trend(before, after);
  const names = new Map(ctx.model.dimensions.map((d) => [d.id, d.name]));
  const moved = change.dimensions
    .filter((d) => d.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .map((d) => `${names.get(d.dimension) ?? d.dimension}: L${d.from} → L${d.to} (${d.delta > 0 ? "up" : "down"})`);
  const caveat = change.sameModelVersion ? [] : ["(the model changed between these rounds: compare with care)"];
  return ["What changed since the round before:", ...(moved.length > 0 ? moved : ["no dimension moved"]), ...caveat];
}

async function close(ctx: FlowContext, { address, user }: CommandEvent): Promise<Reply[]> {
  const round = await ctx.repo.latestRound(teamScope(address, address.channel));
  if (!round || round.closedAt) return [privately("There is no open round to close.")];
  if (!mayManage(user, round)) return [privately("Only the person who opened this round or an admin can close it.")];
  return closeRound(ctx, address, round);
}

/** Close a round once, keep it in history, post the summary and mark the invitation closed. */
export async function closeRound(ctx: FlowContext, address: Address, round: Round): Promise<Reply[]> {
  const team = teamScope(address, round.channel);
  const standing = await roundStanding(ctx, team, round);
  const now = ctx.clock();
  const record: RoundRecord = {
    roundId: round.id,
    mode: round.mode,
    openedAt: round.openedAt,
    closedAt: now.toISOString(),
    respondents: standing.participation.completed,
    ...(standing.team ? { snapshot: snapshotOf(standing.team) } : {}),
    ...(round.privacy ? { privacy: round.privacy } : {}),
  };
  if (!(await ctx.repo.closeRound(team, round, record))) return [];
  const closed = { ...round, closedAt: record.closedAt };
  const summaryReply = await summaryFor(ctx, address, closed);
  const channel = channelAddress(address, round.channel);
  return [
    ...(round.personal
      ? []
      : [
          {
            message: invitationMessage(closed, standing, now),
            delivery: { to: "channel" as const, address: channel, track: INVITATION_TRACK(round.id), update: true },
          },
        ]),
    summaryReply ?? toChannel("Round closed. Nobody had completed it, so there is no summary."),
  ];
}

async function target(ctx: FlowContext, { address, user }: CommandEvent, level: number | undefined): Promise<Reply[]> {
  if (level === undefined) return [privately("Give a level from 0 to 4, e.g. `/mlops-assess target 3`.")];
  const team = teamScope(address, address.channel);
  const round = await ctx.repo.latestRound(team);
  if (round && !round.personal && !mayManage(user, round)) {
    return [privately("Only the person who opened the latest round or an admin can change the target.")];
  }
  await ctx.repo.saveSettings(team, (s) => ({ ...s, target: level as 0 | 1 | 2 | 3 | 4 }));
  const name = ctx.model.levels[level]?.name ?? "";
  return [toChannel(`Target set to Level ${level} (${name}). Next steps will not go beyond it.`)];
}

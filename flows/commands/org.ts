import { channelRef } from "../../src/chat/channel-refs.js";
import type { Cadence } from "../../src/schedule/cadence.js";
import { reminderGapMs } from "../../src/schedule/frequency.js";
import { DAY_MS } from "../../src/time-units.js";
import { type FlowContext, teamScope } from "../context.js";
import { type OrgRollUp, rollUp, type TeamLatest } from "../org/org-rollup.js";
import { privately } from "../replies.js";
import { defineCommand } from "./command.js";

/** A chat message stays readable; the export has every team. */
const MAX_TEAMS_LISTED = 25;

/** `org`: every team of the workspace at a glance (workspace admins only), sent to the admin alone. */
export const org = defineCommand<Record<string, never>>({
  name: "org",
  readsOnly: true,
  aliases: [],
  usage: "org",
  help: "every team's latest levels, the weakest dimension and who is due to reassess (workspace admins)",
  suggestion: { example: "org", inPersonal: "Every team's latest levels (admins)" },
  parse: () => ({}),
  permission: () => ({ who: "admin", to: "see the organisation's roll-up" }),
  async run(ctx, { address }) {
    const workspace = { platform: address.platform, workspace: address.workspace };
    const channels = await ctx.repo.teamsOf(workspace);
    const teams = await Promise.all(channels.map((channel) => teamLatest(ctx, teamScope(address, channel))));
    const personal = teams.filter((t) => t === undefined).length;
    const org = rollUp(
      ctx.model,
      teams.filter((t): t is TeamLatest => t !== undefined),
      ctx.clock(),
    );
    return [privately(...describe(ctx, org, personal))];
  },
});

async function teamLatest(ctx: FlowContext, team: ReturnType<typeof teamScope>): Promise<TeamLatest | undefined> {
  const [round, history, settings, schedule] = await Promise.all([
    ctx.repo.latestRound(team),
    ctx.repo.history(team),
    ctx.repo.settings(team),
    ctx.schedules.get(team),
  ]);
  // One person's own assessment in a DM is not a team.
  if (round?.personal) return undefined;
  return {
    channel: team.channel,
    latest: history.filter((r) => r.snapshot).at(-1),
    floor: settings.minRespondents ?? ctx.minRespondentsForSpread,
    cadenceDays: schedule ? cadenceDays(schedule.cadence, ctx.clock()) : undefined,
  };
}

/** The gap between two due dates: one rule for weekly, quarterly and cron cadences alike. */
function cadenceDays(cadence: Cadence, now: Date): number {
  return Math.max(1, Math.round(reminderGapMs(cadence, now) / DAY_MS));
}

function describe(ctx: FlowContext, org: OrgRollUp, personal: number): [string, string[]] {
  const levelName = (level: number) => ctx.model.levels[level]?.name ?? `Level ${level}`;
  const dimensionName = (id: string) => ctx.model.dimensions.find((d) => d.id === id)?.name ?? id;
  const counted = org.distribution.reduce((a, b) => a + b, 0);
  if (counted === 0) {
    return ["No team of this workspace has closed a round yet.", [`${org.neverClosed} team(s) have one open.`]];
  }
  const lines = [
    `Overall levels: ${org.distribution.map((n, level) => `L${level} ${levelName(level)}: ${n}`).join(" · ")}`,
    ...(org.weakest
      ? [
          `Weakest dimension across the organisation: ${dimensionName(org.weakest.dimension)} (median L${org.weakest.median} over ${org.weakest.teams} teams)`,
        ]
      : []),
    ...org.shown.slice(0, MAX_TEAMS_LISTED).map((t) => {
      const weakestOwn = [...t.levels.entries()].sort((a, b) => a[1] - b[1])[0];
      const low = weakestOwn ? ` · lowest: ${dimensionName(weakestOwn[0])} L${weakestOwn[1]}` : "";
      return `${channelRef(t.channel)}: L${t.overall} ${levelName(t.overall)} (profile ${t.profile.toFixed(1)})${low} · last round ${t.closedAt.slice(0, 10)}`;
    }),
    ...(org.shown.length > MAX_TEAMS_LISTED ? [`…and ${org.shown.length - MAX_TEAMS_LISTED} more teams`] : []),
    ...(org.underFloor > 0
      ? [`${org.underFloor} team(s) had too few respondents to show (counted in the levels above, not listed).`]
      : []),
    ...(org.stale.length > 0
      ? [
          `Due for a reassessment (last round older than two of their cadences): ${org.stale
            .map((s) => `${channelRef(s.channel)} (${s.closedAt.slice(0, 10)}, ${s.ageDays} days)`)
            .join(", ")}`,
        ]
      : []),
    ...(org.neverClosed > 0 ? [`${org.neverClosed} team(s) have not closed a round yet.`] : []),
    ...(personal > 0 ? [`${personal} personal assessment(s) in DMs are not counted.`] : []),
  ];
  return [`MLOps maturity across ${counted} team(s) of this workspace`, lines];
}

import type { AssessmentModel, Level } from "../../src/engine/model-schema.js";
import { DAY_MS } from "../../src/time-units.js";
import type { RoundRecord } from "../rounds/round-state.js";

/** What the roll-up needs to know of one team (channel) of the workspace. */
export interface TeamLatest {
  channel: string;
  /** The team's most recent closed round that has levels, if any. */
  latest: RoundRecord | undefined;
  /** Respondents needed before the team's detail may be shown (its own floor, or the app's). */
  floor: number;
  /** Days between two of its reassessments; undefined without a schedule. */
  cadenceDays: number | undefined;
}

export interface OrgRollUp {
  shown: { channel: string; overall: Level; profile: number; levels: Map<string, Level>; closedAt: string }[];
  /** Teams whose last round had fewer respondents than their floor: counted, never shown. */
  underFloor: number;
  neverClosed: number;
  /** overall level -> teams (shown and under the floor: a count reveals nobody's answers). */
  distribution: number[];
  weakest: { dimension: string; median: Level; teams: number } | undefined;
  stale: { channel: string; closedAt: string; ageDays: number; limitDays: number }[];
}

/** Without a schedule, a team is stale once its last round is older than two quarters. */
export const UNSCHEDULED_CADENCE_DAYS = 91;

function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** The workspace's picture from each team's latest round. Pure: the caller reads the store. */
export function rollUp(model: AssessmentModel, teams: readonly TeamLatest[], now: Date): OrgRollUp {
  const distribution = model.levels.map(() => 0);
  const shown: OrgRollUp["shown"] = [];
  const stale: OrgRollUp["stale"] = [];
  let underFloor = 0;
  let neverClosed = 0;
  for (const team of teams) {
    const snapshot = team.latest?.snapshot;
    if (!team.latest || !snapshot) {
      neverClosed++;
      continue;
    }
    distribution[snapshot.overall] = (distribution[snapshot.overall] ?? 0) + 1;
    const ageDays = Math.floor((now.getTime() - Date.parse(team.latest.closedAt)) / DAY_MS);
    const limitDays = 2 * (team.cadenceDays ?? UNSCHEDULED_CADENCE_DAYS);
    if (ageDays > limitDays) stale.push({ channel: team.channel, closedAt: team.latest.closedAt, ageDays, limitDays });
    if (team.latest.respondents < team.floor) {
      underFloor++;
      continue;
    }
    shown.push({
      channel: team.channel,
      overall: snapshot.overall,
      profile: snapshot.profile,
      levels: new Map(snapshot.dimensions.map((d) => [d.dimension, d.level])),
      closedAt: team.latest.closedAt,
    });
  }
  const medians = model.dimensions
    .filter((d) => d.core)
    .flatMap((d) => {
      const levels = shown.flatMap((t) => {
        const level = t.levels.get(d.id);
        return level === undefined ? [] : [level];
      });
      return levels.length === 0
        ? []
        : [{ dimension: d.id, median: lowerMedian(levels) as Level, teams: levels.length }];
    })
    .sort((a, b) => a.median - b.median);
  return {
    shown: shown.sort((a, b) => a.overall - b.overall || a.profile - b.profile),
    underFloor,
    neverClosed,
    distribution,
    weakest: medians[0],
    stale: stale.sort((a, b) => b.ageDays - a.ageDays),
  };
}

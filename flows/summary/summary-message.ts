import type { Button, DimensionLine, SummaryMessage } from "../../src/chat/outbound.js";
import type { LevelSnapshot, TeamDimension, TeamResult } from "../../src/engine/compare.js";
import { trend } from "../../src/engine/compare.js";
import type { AssessmentModel, Level } from "../../src/engine/model-schema.js";
import { type DimensionStanding, recommend, standingsOf } from "../../src/engine/recommend.js";
import type { AssessmentResult } from "../../src/engine/score.js";

/** Said beside each blocker, in the words of the answer that was given. */
const REASON_TEXT = {
  missing: "not in place",
  partly: "in place only partly",
  "not-sure": "answered Not sure: ask whoever owns it",
  unanswered: "skipped",
  "next-level": "what the next level asks for",
} as const;

export interface SummaryContext {
  model: AssessmentModel;
  title: string;
  previous?: LevelSnapshot;
  target?: Level;
  buttons?: Button[];
  notes?: string[];
  /** Team summaries: the channel whose team can adopt each next step (an "Adopt" button on the step). */
  adoptIn?: string;
  /** Team summaries: the privacy floor for showing the spread of answers (default: always shown). */
  minRespondentsForSpread?: number;
  /** Attributed rounds only: each respondent's result, so disagreements can name who to talk to. */
  attributed?: { name: string; result: AssessmentResult }[];
}

function levelName(model: AssessmentModel, level: number): string {
  return model.levels[level]?.name ?? `Level ${level}`;
}

/** Plain-language explanation of what blocks the weakest dimension's next level. */
function explanationText(model: AssessmentModel, standing: DimensionStanding | undefined): string | undefined {
  if (!standing || standing.level === 4 || standing.unresolved) return undefined;
  const dimension = model.dimensions.find((d) => d.id === standing.dimension);
  const practices = new Map(model.deep.map((p) => [p.id, p]));
  const blockers = standing.blockers
    .slice(0, 5)
    .map((b) => `${practices.get(b.practiceId)?.title ?? b.practiceId} (${REASON_TEXT[b.reason]})`);
  const next = standing.level + 1;
  const head = `${dimension?.name ?? standing.dimension} holds the overall level down. Level ${next} (${levelName(model, next)}) means: ${dimension?.rubric[next] ?? ""}`;
  return blockers.length > 0 ? `${head} Blocking: ${blockers.join("; ")}.` : head;
}

function lines(
  model: AssessmentModel,
  result: AssessmentResult,
  previous: LevelSnapshot | undefined,
  target: Level | undefined,
  team: TeamResult | undefined,
): DimensionLine[] {
  const before = previous ? trend(previous, result) : undefined;
  return result.dimensions.map((d, i) => {
    const spread = team?.dimensions[i];
    const from = before?.dimensions.find((t) => t.dimension === d.dimension)?.from;
    return {
      id: d.dimension,
      name: model.dimensions.find((x) => x.id === d.dimension)?.name ?? d.dimension,
      level: d.level,
      levelName: levelName(model, d.level),
      progress: d.progress,
      ...(from === undefined ? {} : { previous: from }),
      ...(target === undefined ? {} : { target }),
      ...(spread ? { spread: { min: spread.min, max: spread.max } } : {}),
      disagreement: spread?.disagreement ?? false,
      unresolved: d.unresolved,
    };
  });
}

function build(
  ctx: SummaryContext,
  scope: "person" | "team",
  result: AssessmentResult,
  standings: DimensionStanding[],
  /** The team's spread of answers per dimension, when it may be shown. */
  team?: TeamResult,
  participation?: SummaryMessage["participation"],
): SummaryMessage {
  const { model } = ctx;
  const weakest = standings.find((s) => s.dimension === result.weakest[0]);
  const steps = recommend(model, standings, ctx.target);
  const dimensionName = (id: string) => model.dimensions.find((d) => d.id === id)?.name ?? id;
  return {
    kind: "summary",
    scope,
    title: ctx.title,
    overall: {
      level: result.overall,
      name: levelName(model, result.overall),
      ...(ctx.previous ? { previous: ctx.previous.overall } : {}),
      unrated: result.unrated.length,
    },
    profile: result.profile,
    dimensions: lines(model, result, ctx.previous, ctx.target, team),
    ...(weakest ? { explanation: explanationText(model, weakest) } : {}),
    nextSteps: steps.map((s) => ({
      kind: s.kind,
      title: s.title,
      dimension: dimensionName(s.dimension),
      unlocksLevel: s.unlocksLevel,
      why: s.why,
      how: s.how,
      ...(ctx.adoptIn && s.practiceId
        ? { button: { label: "Adopt", action: { a: "adopt" as const, c: ctx.adoptIn, p: s.practiceId } } }
        : {}),
    })),
    ...(participation ? { participation } : {}),
    notes: ctx.notes ?? [],
    buttons: ctx.buttons ?? [],
  };
}

export function personalSummary(ctx: SummaryContext, result: AssessmentResult): SummaryMessage {
  return build(ctx, "person", result, standingsOf(ctx.model, result));
}

export function teamSummary(
  ctx: SummaryContext,
  team: TeamResult,
  participation: NonNullable<SummaryMessage["participation"]>,
): SummaryMessage {
  const floor = ctx.minRespondentsForSpread ?? 0;
  if (team.respondents < floor) {
    // Few respondents: the lowest and highest answer would be someone's answer. Levels (medians) stay.
    const notes = [
      ...(ctx.notes ?? []),
      `The spread of answers shows once ${floor} people have answered, so nobody's answers can be told apart.`,
    ];
    return build({ ...ctx, notes }, "team", team.result, team.standings, undefined, participation);
  }
  const disputed = team.dimensions.filter((d) => d.disagreement);
  const name = (id: string) => ctx.model.dimensions.find((x) => x.id === id)?.name ?? id;
  const notes = [
    ...(ctx.notes ?? []),
    ...(disputed.length > 0
      ? [
          `Answers differ by two levels or more on ${disputed.map((d) => name(d.dimension)).join(", ")}: worth a conversation.`,
        ]
      : []),
    ...(ctx.attributed ? disputed.map((d) => whoDisagrees(name(d.dimension), d, ctx.attributed ?? [])) : []),
  ];
  return build({ ...ctx, notes }, "team", team.result, team.standings, team, participation);
}

/** Attributed rounds: who sits at each end of a disagreement, so the team knows who should talk. */
function whoDisagrees(
  dimensionName: string,
  spread: TeamDimension,
  people: { name: string; result: AssessmentResult }[],
): string {
  const at = (level: number) =>
    people
      .filter((p) => p.result.dimensions.find((d) => d.dimension === spread.dimension)?.level === level)
      .map((p) => p.name)
      .join(", ");
  return `${dimensionName}: L${spread.min} from ${at(spread.min)}; L${spread.max} from ${at(spread.max)}.`;
}

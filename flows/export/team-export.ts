import { z } from "zod";
import type { TeamScope } from "../../src/chat/address.js";
import { platformSchema } from "../../src/chat/address.js";
import { answersSchema, modeSchema } from "../../src/engine/answers.js";
import { teamActionSchema } from "../actions/action-state.js";
import { evidenceLinkSchema } from "../assess/assess-state.js";
import type { FlowContext } from "../context.js";
import { privacyModeSchema, roundRecordSchema } from "../rounds/round-state.js";
import { evidenceOf } from "../summary/evidence.js";

/**
 * A team's rounds as a file: what history keeps (levels per round), the evidence links people attached, and,
 * for attributed rounds only, each person's answers. This schema is the file format: a reader validates with it.
 */
const evidenceRowSchema = z.object({
  question: z.string(),
  label: z.string(),
  answer: z.string(),
  url: evidenceLinkSchema,
  /** Attributed rounds only. */
  by: z.string().optional(),
});

const responseRowSchema = z.object({
  person: z.object({ id: z.string(), name: z.string().optional() }),
  mode: modeSchema,
  modelVersion: z.string(),
  answers: answersSchema,
});

export const exportedRoundSchema = roundRecordSchema.extend({
  privacy: privacyModeSchema,
  evidence: z.array(evidenceRowSchema),
  /** Present only when the round was attributed: confidential answers never leave the bot. */
  responses: z.array(responseRowSchema).optional(),
});
export type ExportedRound = z.infer<typeof exportedRoundSchema>;

export const teamExportSchema = z.object({
  format: z.literal("mlops-assess/team-export"),
  version: z.literal(1),
  team: z.object({ platform: platformSchema, workspace: z.string(), channel: z.string() }),
  exportedAt: z.iso.datetime(),
  model: z.object({ id: z.string(), version: z.string() }),
  rounds: z.array(exportedRoundSchema),
  /** Next steps the team adopted, open, done and dropped (absent in files from before actions existed). */
  actions: z.array(teamActionSchema).optional(),
});
export type TeamExport = z.infer<typeof teamExportSchema>;

/** Gather the team's closed rounds (history) with their evidence and, where allowed, answers. */
export async function buildTeamExport(ctx: FlowContext, team: TeamScope): Promise<TeamExport> {
  const history = await ctx.repo.history(team);
  const rounds = await Promise.all(
    history.map(async (record): Promise<ExportedRound> => {
      const privacy = record.privacy ?? "confidential";
      const attributed = privacy === "attributed";
      // Answers are kept RESPONSE_TTL_MS; older rounds export their levels only.
      const responses = (await ctx.repo.responses(team, record.roundId)).filter((r) => r.state.status === "completed");
      const people = responses.map((r) => ({ name: r.state.userName ?? r.userId, state: r.state }));
      return {
        ...record,
        privacy,
        evidence: evidenceOf(ctx.model, people).map((e) => ({
          question: e.questionId,
          label: e.label,
          answer: e.answer,
          url: e.url,
          ...(attributed ? { by: e.by } : {}),
        })),
        ...(attributed
          ? {
              responses: responses.map((r) => ({
                person: { id: r.userId, ...(r.state.userName ? { name: r.state.userName } : {}) },
                mode: r.state.mode,
                modelVersion: r.state.modelVersion,
                answers: r.state.answers,
              })),
            }
          : {}),
      };
    }),
  );
  return {
    format: "mlops-assess/team-export",
    version: 1,
    team: { platform: team.platform, workspace: team.workspace, channel: team.channel },
    exportedAt: ctx.clock().toISOString(),
    model: { id: ctx.model.id, version: ctx.model.version },
    rounds,
    actions: await ctx.actions.list(team),
  };
}

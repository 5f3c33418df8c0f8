import { z } from "zod";

/**
 * The assessment model is data: levels, dimensions with a rubric per level, a quick ladder question per dimension
 * and a deep set of practice statements. Organisations can load their own file; this schema is the only contract.
 */

export const LEVELS = [0, 1, 2, 3, 4] as const;

/** No level of any dimension may be decided by fewer answers than this, in any serving context. */
export const MIN_ANSWERS_PER_LEVEL = 2;

/** Every tag a practice can carry: what applies when a model asks no context question. */
export const EVERY_CONTEXT = ["all", "batch", "online", "llm"] as const;
export const levelSchema = z.int().min(0).max(4);
export type Level = z.infer<typeof levelSchema>;

/** Where a practice applies; hidden practices are not asked and do not count. */
export const applicabilitySchema = z.enum(["all", "batch", "online", "llm"]);
export type Applicability = z.infer<typeof applicabilitySchema>;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes");
const text = z.string().trim().min(1);

export const levelInfoSchema = z.object({
  level: levelSchema,
  name: text,
  summary: text,
  /** Names of the same stage in other public models (Azure, Google, AWS), for the cross-walk. */
  alsoKnownAs: z.array(text).default([]),
});

export const dimensionSchema = z.object({
  id,
  name: text,
  /** Core dimensions decide the overall (weakest-link) level. */
  core: z.boolean().default(true),
  /** What the dimension looks like at each level 0-4, in the seeds' own terms. */
  rubric: z.array(text).length(5, "give exactly one rubric text per level 0-4"),
  /** Who to ask and what to look at when nobody answering knows: the next step of an unrated dimension. */
  findOut: text.optional(),
});

export const recommendationSchema = z.object({
  why: text,
  good: text,
  how: text,
});

/** Quick mode: one ladder question per dimension, one option per level 0-4, least mature first. */
export const ladderQuestionSchema = z.object({
  id,
  dimension: id,
  prompt: text,
  options: z.array(text).length(5, "give exactly five options, one per level 0-4, least mature first"),
  source: z.array(text).min(1, "name the seed file(s) and public anchor(s) the question comes from"),
});

/** Deep mode: one practice statement, answered fully / partly / no / N/A / not sure. */
export const practiceSchema = z.object({
  id,
  dimension: id,
  level: z.int().min(1).max(4),
  requirement: z.enum(["required", "recommended"]),
  appliesTo: z.array(applicabilitySchema).min(1).default(["all"]),
  /** Dependency stage; recommendations follow the model's stage order. */
  stage: id,
  statement: text,
  /** A short name used in explanations and recommendations. */
  title: text,
  source: z.array(text).min(1, "name the seed file(s) and public anchor(s) the practice comes from"),
  recommendation: recommendationSchema,
});

export const contextOptionSchema = z.object({
  label: text,
  applies: z.array(applicabilitySchema).min(1),
});

export const modelSchema = z
  .object({
    id,
    version: text,
    name: text,
    levels: z.array(levelInfoSchema).length(5, "give exactly five levels, 0 to 4"),
    dimensions: z.array(dimensionSchema).min(1),
    /** Dependency order of practice stages (version control -> tracking -> pipelines -> CI -> CD -> ...). */
    stages: z.array(id).min(1),
    /**
     * Deep mode opens with this question so practices that do not apply are never asked. Without it every practice
     * applies to everyone (the default model words each statement for batch and online serving alike).
     */
    context: z.object({ prompt: text, options: z.array(contextOptionSchema).min(1) }).optional(),
    quick: z.array(ladderQuestionSchema),
    deep: z.array(practiceSchema),
  })
  .superRefine((model, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    model.levels.forEach((l, i) => {
      if (l.level !== i) issue(["levels", i, "level"], `levels must be listed 0 to 4 in order; expected ${i}`);
    });
    const dims = new Set(model.dimensions.map((d) => d.id));
    const stages = new Set(model.stages);
    const seen = new Set<string>();
    const unique = (qid: string, path: (string | number)[]) => {
      if (seen.has(qid)) issue(path, `duplicate question id "${qid}"`);
      seen.add(qid);
    };
    model.quick.forEach((q, i) => {
      unique(q.id, ["quick", i, "id"]);
      if (!dims.has(q.dimension)) issue(["quick", i, "dimension"], `unknown dimension "${q.dimension}"`);
    });
    for (const d of model.dimensions) {
      const count = model.quick.filter((q) => q.dimension === d.id).length;
      if (count !== 1) issue(["quick"], `dimension "${d.id}" needs exactly one quick question, found ${count}`);
    }
    model.deep.forEach((p, i) => {
      unique(p.id, ["deep", i, "id"]);
      if (!dims.has(p.dimension)) issue(["deep", i, "dimension"], `unknown dimension "${p.dimension}"`);
      if (!stages.has(p.stage)) issue(["deep", i, "stage"], `unknown stage "${p.stage}"`);
    });
    // No level of any dimension may be decided by one answer, in any context: level 1 needs two practices of its
    // own; a higher level needs a practice of its own on top of the level below (levels are cumulative).
    for (const applies of contextsOf(model)) {
      const applying = model.deep.filter((p) => p.appliesTo.some((tag) => applies.includes(tag)));
      for (const d of model.dimensions) {
        const at = (level: number) => applying.filter((p) => p.dimension === d.id && p.level === level).length;
        for (const level of [1, 2, 3, 4]) {
          const where = `in context [${applies.join(", ")}]`;
          if (at(level) === 0) issue(["deep"], `dimension "${d.id}" has no practice at level ${level} ${where}`);
          else if (at(level) + at(level - 1) < MIN_ANSWERS_PER_LEVEL)
            issue(
              ["deep"],
              `dimension "${d.id}" level ${level} rests on fewer than ${MIN_ANSWERS_PER_LEVEL} statements ${where}`,
            );
        }
      }
    }
  });

export type AssessmentModel = z.infer<typeof modelSchema>;

/** The sets of practice tags a respondent can end up with: one per context option, or everything. */
export function contextsOf(model: {
  context?: { options: { applies: Applicability[] }[] } | undefined;
}): Applicability[][] {
  return model.context ? model.context.options.map((o) => o.applies) : [[...EVERY_CONTEXT]];
}
export type Dimension = z.infer<typeof dimensionSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type LadderQuestion = z.infer<typeof ladderQuestionSchema>;
export type RecommendationText = z.infer<typeof recommendationSchema>;
export type ModelInput = z.input<typeof modelSchema>;

import { z } from "zod";

/** Open until someone says it happened (done) or the team let it go (dropped); done and dropped stay in history. */
export const actionStateSchema = z.enum(["open", "done", "dropped"]);
export type ActionState = z.infer<typeof actionStateSchema>;

/** A next step the team adopted (keys.actions): the practice to build, who owns it and by when. */
export const teamActionSchema = z.object({
  id: z.string().min(1).max(32),
  practiceId: z.string().min(1).max(128),
  /** The practice's title and dimension id when it was adopted (a later model may rename them). */
  title: z.string(),
  dimension: z.string(),
  owner: z.object({ id: z.string(), name: z.string().optional() }),
  /** A calendar day (YYYY-MM-DD): people pick days, not instants. */
  due: z.iso.date(),
  state: actionStateSchema,
  adoptedAt: z.iso.datetime(),
  /** When it was marked done or dropped, and whether a person said so or the team's answers showed it. */
  closedAt: z.iso.datetime().optional(),
  closedBy: z.enum(["person", "answers"]).optional(),
});
export type TeamAction = z.infer<typeof teamActionSchema>;

/** A team keeps at most this many actions (oldest closed ones leave first): years of quarterly adoptions. */
export const MAX_ACTIONS = 100;
export const actionsSchema = z.array(teamActionSchema).max(MAX_ACTIONS);

/** Adopting a step gives its owner this long by default; they can change it. */
export const DEFAULT_DUE_DAYS = 30;

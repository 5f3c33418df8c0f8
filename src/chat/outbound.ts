import { z } from "zod";
import { buttonActionSchema } from "./actions.js";
import { addressSchema } from "./address.js";
import { formErrorsMessageSchema, formMessageSchema } from "./forms.js";

/**
 * What the bot says, in platform-neutral terms. Adapters render these as Block Kit, Adaptive Cards or terminal
 * text; flows never build platform payloads. Text fields are plain text: renderers escape them for their platform.
 */
export const buttonSchema = z.object({
  label: z.string().min(1).max(75),
  action: buttonActionSchema,
  style: z.enum(["primary", "danger"]).optional(),
});
export type Button = z.infer<typeof buttonSchema>;

const levelSchema = z.int().min(0).max(4);

export const questionMessageSchema = z.object({
  kind: z.literal("question"),
  /**
   * "3/8 · Monitoring & feedback". Index 0 is a question before the counted ones (deep mode's context question, which
   * decides how many follow): shown as "Before we start", so the count never jumps. See `progressLabel`.
   */
  progress: z.object({ index: z.int().min(0), total: z.int().min(1), section: z.string() }),
  prompt: z.string(),
  /** The person's current answer when they come back to a question. */
  current: z.string().optional(),
  /** Labels can be whole sentences (ladder options): renderers fit them to their platform's button limits. */
  options: z.array(
    z.object({
      label: z.string().min(1).max(300),
      action: buttonActionSchema,
      selected: z.boolean().default(false),
      /** The maturity level a ladder option stands for, so renderers can name it ("L2") instead of a position. */
      level: levelSchema.optional(),
    }),
  ),
  /** back / skip / cancel */
  navigation: z.array(buttonSchema),
  note: z.string().optional(),
});

export const dimensionLineSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: levelSchema,
  levelName: z.string(),
  /** Percent of the way to the next level. */
  progress: z.number().min(0).max(100),
  previous: levelSchema.optional(),
  target: levelSchema.optional(),
  /** Team summaries: lowest and highest respondent level. */
  spread: z.object({ min: levelSchema, max: levelSchema }).optional(),
  disagreement: z.boolean().default(false),
  /** Unrated: "Not sure" or skipped decides it; the level is only a floor and is shown as "?". */
  unresolved: z.boolean().default(false),
});
export type DimensionLine = z.infer<typeof dimensionLineSchema>;

export const nextStepSchema = z.object({
  /** "find-out": nobody who answered knew; the step is to ask, not to build. */
  kind: z.enum(["build", "find-out"]).default("build"),
  title: z.string(),
  dimension: z.string(),
  unlocksLevel: levelSchema,
  why: z.string(),
  how: z.string(),
  /** What people can do with the step (team summaries: "Adopt" it as the team's action). */
  button: buttonSchema.optional(),
});

export type NextStep = z.infer<typeof nextStepSchema>;

export const summaryMessageSchema = z.object({
  kind: z.literal("summary"),
  scope: z.enum(["person", "team"]),
  title: z.string(),
  /** The weakest rated dimension; `unrated` dimensions are left out of it, which makes it provisional. */
  overall: z.object({
    level: levelSchema,
    name: z.string(),
    previous: levelSchema.optional(),
    unrated: z.int().min(0).default(0),
  }),
  /** Mean of the dimension levels, shown beside the weakest-link headline, never instead of it. */
  profile: z.number(),
  dimensions: z.array(dimensionLineSchema),
  /** What blocks the next level of the weakest dimension. */
  explanation: z.string().optional(),
  nextSteps: z.array(nextStepSchema).max(3),
  /** `closed`: the round no longer takes answers, so those in progress did not finish (and are not counted). */
  participation: z
    .object({ completed: z.int().min(0), inProgress: z.int().min(0), closed: z.boolean().optional() })
    .optional(),
  notes: z.array(z.string()).default([]),
  buttons: z.array(buttonSchema).default([]),
  /** The summary as a picture (added by the app when it has a public URL); `alt` says the same in words. */
  chart: z.object({ url: z.url(), alt: z.string() }).optional(),
});
export type SummaryMessage = z.infer<typeof summaryMessageSchema>;

export const invitationMessageSchema = z.object({
  kind: z.literal("invitation"),
  startedBy: z.string(),
  mode: z.enum(["quick", "deep"]),
  completed: z.array(z.string()),
  /** Started and not finished: still answering while the round is open; left out of every result once closed. */
  inProgress: z.int().min(0),
  closed: z.boolean(),
  /**
   * When the round closes ("Sat, 12 Dec 2026, 09:30 CET") or, once closed, the day it closed ("Sat, 12 Dec 2026"),
   * written once by the flows so that every platform shows the same unambiguous date.
   */
  closes: z.string().min(1),
  button: buttonSchema.optional(),
  text: z.string(),
});

const noticeFields = {
  text: z.string(),
  lines: z.array(z.string()).default([]),
  buttons: z.array(buttonSchema).default([]),
};

/** Information: an answer, a confirmation, an empty state ("No closed rounds yet"). Shown plain. */
export const noticeMessageSchema = z.object({ kind: z.literal("notice"), ...noticeFields });

/**
 * A request that did not happen: refused, invalid input, expired or closed, or failed. Every platform shows every
 * problem alike (one warning mark before `text`, which says what happened; `lines[0]`, when there is one, what to do
 * instead), so a problem never passes for information nor a refusal for an alarm of another kind.
 */
export const problemMessageSchema = z.object({
  kind: z.literal("error"),
  /** Stable (e.g. "store_unavailable", "not_admin"), for logs and metrics; never shown. */
  code: z.string().regex(/^[a-z][a-z_]*$/),
  ...noticeFields,
});

/**
 * The team's levels over its rounds: the "what changed" text plus the series a chart draws (the app turns the
 * series into an image link, `chart`, when it serves charts). Levels are whole levels 0-4, one per dimension.
 */
export const historyMessageSchema = z.object({
  kind: z.literal("history"),
  text: z.string(),
  lines: z.array(z.string()).default([]),
  series: z.object({
    /** Whose history it is ("#ml-platform"): the chart's title adds the days of the rounds it draws. */
    title: z.string(),
    dimensions: z.array(z.string()),
    rounds: z.array(z.object({ label: z.string(), overall: levelSchema, levels: z.array(levelSchema) })),
    target: levelSchema.optional(),
  }),
  chart: z.object({ url: z.url(), alt: z.string() }).optional(),
});
export type HistoryMessage = z.infer<typeof historyMessageSchema>;

/**
 * A file for the person (exports). Slack uploads `content` (files.uploadV2); Teams, which lets a bot attach files
 * only through OneDrive consent, links to `url`, a short-lived download the app adds when it has a public address.
 */
export const fileMessageSchema = z.object({
  kind: z.literal("file"),
  text: z.string(),
  filename: z.string().regex(/^[\w.-]{1,100}$/),
  mimeType: z.enum(["text/csv", "application/json"]),
  content: z.string(),
  url: z.url().optional(),
});
export type FileMessage = z.infer<typeof fileMessageSchema>;

export const outboundMessageSchema = z.discriminatedUnion("kind", [
  questionMessageSchema,
  summaryMessageSchema,
  invitationMessageSchema,
  noticeMessageSchema,
  problemMessageSchema,
  historyMessageSchema,
  fileMessageSchema,
  formMessageSchema,
  formErrorsMessageSchema,
]);
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type QuestionMessage = z.infer<typeof questionMessageSchema>;
export type InvitationMessage = z.infer<typeof invitationMessageSchema>;
export type NoticeMessage = z.infer<typeof noticeMessageSchema>;
export type ProblemMessage = z.infer<typeof problemMessageSchema>;

/**
 * Where a reply goes.
 * - `private`: only the person sees it (Slack: DM with the bot, or ephemeral for `ephemeral: true`; Teams: 1:1 chat).
 * - `channel`: everyone in the conversation the event came from, or `address` when given.
 * - `replace`: replaces the message whose button was clicked (questions updated in place).
 * `track` names a message so a later reply with the same `track` and `update: true` edits it (the round invitation).
 */
export const deliverySchema = z.discriminatedUnion("to", [
  z.object({ to: z.literal("private"), ephemeral: z.boolean().default(false) }),
  z.object({
    to: z.literal("channel"),
    address: addressSchema.optional(),
    track: z.string().optional(),
    update: z.boolean().default(false),
  }),
  z.object({ to: z.literal("replace") }),
]);
/** Input type: `ephemeral` and `update` may be left out (false). */
export type Delivery = z.input<typeof deliverySchema>;

export interface Reply {
  message: OutboundMessage;
  delivery: Delivery;
}

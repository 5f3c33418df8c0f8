import { z } from "zod";
import { decodeJson } from "./actions.js";

/**
 * A form the bot asks a person to fill in (settings, an action's owner and due date). Slack shows it as a modal
 * (views.open), Teams as an Adaptive Card with inputs; the submitted values come back as a `submit` event carrying
 * the same `FormId`, and flows validate them with zod like any other input from outside.
 */
const shortId = z.string().min(1).max(128);

/** Which form was submitted, and for which team (and action). Encoded into Slack's private_metadata, Teams' data. */
export const formIdSchema = z.discriminatedUnion("f", [
  z.object({ f: z.literal("settings"), c: shortId }),
  z.object({ f: z.literal("action"), c: shortId, i: shortId }),
]);
export type FormId = z.infer<typeof formIdSchema>;

export function encodeFormId(id: FormId): string {
  return JSON.stringify(id);
}

export function decodeFormId(value: unknown): FormId | undefined {
  return decodeJson(formIdSchema, value);
}

/** Field ids are short words: Slack's block and action ids, Teams' input ids, the keys of submitted values. */
const fieldId = z.string().regex(/^[a-z][a-z-]{0,30}$/);
const common = { id: fieldId, label: z.string().min(1).max(75), hint: z.string().max(150).optional() };

export const formFieldSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("choice"),
    ...common,
    options: z
      .array(z.object({ value: z.string().min(1).max(75), label: z.string().min(1).max(75) }))
      .min(1)
      .max(100),
    value: z.string().optional(),
  }),
  /** A person of the workspace (Slack users_select); Teams, which offers no picker to bots, lists known people. */
  z.object({
    type: z.literal("person"),
    ...common,
    value: z.string().optional(),
    options: z.array(z.object({ value: z.string().min(1).max(128), label: z.string().min(1).max(75) })).max(100),
  }),
  z.object({ type: z.literal("date"), ...common, value: z.iso.date().optional() }),
  z.object({
    type: z.literal("time"),
    ...common,
    value: z
      .string()
      .regex(/^\d\d:\d\d$/)
      .optional(),
  }),
  z.object({ type: z.literal("text"), ...common, value: z.string().max(150).optional() }),
]);
export type FormField = z.infer<typeof formFieldSchema>;

export const formMessageSchema = z.object({
  kind: z.literal("form"),
  id: formIdSchema,
  title: z.string().min(1).max(24),
  submitLabel: z.string().min(1).max(24),
  /** Said above the fields. */
  text: z.string().optional(),
  fields: z.array(formFieldSchema).min(1).max(20),
});
export type FormMessage = z.infer<typeof formMessageSchema>;

/**
 * A submission that was not accepted: field id -> what is wrong, shown next to the field (Slack's
 * `response_action: errors`; Teams repeats the form with the problems above it). Nothing was saved.
 */
export const formErrorsMessageSchema = z.object({
  kind: z.literal("form-errors"),
  errors: z.record(fieldId, z.string().min(1).max(150)),
  form: formMessageSchema,
});
export type FormErrorsMessage = z.infer<typeof formErrorsMessageSchema>;

/** Submitted values as the platforms send them: strings by field id (unknown ids are dropped by the flow). */
export const formValuesSchema = z.record(z.string().max(64), z.string().max(500));

/** A form as read-only lines ("Time zone: Europe/Berlin"), for surfaces that cannot show its inputs. */
export function formLines(form: FormMessage): string[] {
  return form.fields.map((field) => {
    const shown =
      field.type === "choice" || field.type === "person"
        ? field.options.find((o) => o.value === field.value)?.label
        : field.value;
    return `${field.label}: ${shown ?? "-"}`;
  });
}

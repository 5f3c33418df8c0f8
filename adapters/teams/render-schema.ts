import { z } from "zod";
import { decodeAction } from "../../src/chat/actions.js";
import { decodeFormId } from "../../src/chat/forms.js";

/**
 * The subset of Adaptive Cards 1.5 this app sends, with Teams' limits. Every render is checked against it in tests,
 * and deliveries check it again before sending, so a card Teams would refuse is caught here with the offending path.
 */
export const CARD_SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json";
/** `Action.Execute` (Universal Actions) needs 1.4; 1.5 is what current Teams clients render. */
export const CARD_VERSION = "1.5";
/** The invoke verb of every button: the data says which action it is. */
export const ACTION_VERB = "ma";
export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export const CARD_LIMITS = {
  /**
   * Teams refuses messages over 28 KB (MS doc "Format cards in Teams"); the card travels inside an activity whose
   * envelope (ids, names, channelData) takes up to about 1.5 KB more, so the card itself stays under 26 KB.
   */
  cardBytes: 26 * 1024,
  /** Teams' host config shows at most six actions in a row; more go into an overflow menu or are dropped. */
  actionsPerSet: 6,
  /** Longer titles are cut off on buttons; longer labels are listed as numbered lines instead. */
  actionTitle: 40,
  tooltip: 500,
} as const;

const spacing = z.enum(["None", "Small", "Default", "Medium", "Large"]);

export const textBlockSchema = z.strictObject({
  type: z.literal("TextBlock"),
  text: z.string().min(1),
  wrap: z.literal(true),
  size: z.enum(["Small", "Default", "Medium", "Large"]).optional(),
  weight: z.enum(["Default", "Bolder"]).optional(),
  isSubtle: z.boolean().optional(),
  color: z.enum(["Default", "Good", "Warning", "Attention"]).optional(),
  fontType: z.enum(["Default", "Monospace"]).optional(),
  spacing: spacing.optional(),
  separator: z.boolean().optional(),
});

/** Our data: the encoded ButtonAction, which must decode again when it comes back. */
const actionData = z.strictObject({
  ma: z.string().refine((value) => decodeAction(value) !== undefined, "not a valid encoded action"),
});
const actionStyle = z.enum(["positive", "destructive"]).optional();
const title = z.string().min(1).max(CARD_LIMITS.actionTitle);

/** What hover and screen readers say for a button or a tappable row (Adaptive Cards 1.5). */
const tooltip = z.string().min(1).max(CARD_LIMITS.tooltip).optional();

export const submitActionSchema = z.strictObject({
  type: z.literal("Action.Submit"),
  title,
  data: actionData,
  style: actionStyle,
  tooltip,
});

export const executeActionSchema = z.strictObject({
  type: z.literal("Action.Execute"),
  title,
  verb: z.literal(ACTION_VERB),
  data: actionData,
  style: actionStyle,
  tooltip,
  /** Clients without Universal Actions send the same data as a message (`value`) instead. */
  fallback: submitActionSchema,
});

const columnSchema = z.strictObject({
  type: z.literal("Column"),
  width: z.enum(["auto", "stretch"]),
  items: z.array(textBlockSchema).min(1),
  verticalContentAlignment: z.enum(["Top", "Center"]).optional(),
});

export const columnSetSchema = z.strictObject({
  type: z.literal("ColumnSet"),
  columns: z.array(columnSchema).min(1),
  spacing: spacing.optional(),
  separator: z.boolean().optional(),
});

export const containerSchema = z.strictObject({
  type: z.literal("Container"),
  items: z.array(z.union([textBlockSchema, columnSetSchema])).min(1),
  spacing: spacing.optional(),
  separator: z.boolean().optional(),
  /** "emphasis" draws a tinted box: a tappable row that looks like one. */
  style: z.enum(["default", "emphasis"]).optional(),
  /** Tapping anywhere on the container clicks this. */
  selectAction: executeActionSchema.optional(),
});

/** A button that opens a second card under it (a confirmation, details) without a round trip. */
export const showCardActionSchema = z.strictObject({
  type: z.literal("Action.ShowCard"),
  title,
  tooltip,
  card: z.strictObject({
    type: z.literal("AdaptiveCard"),
    body: z.array(z.union([textBlockSchema, containerSchema, columnSetSchema, z.lazy(() => imageSchema)])).min(1),
    actions: z.array(executeActionSchema).max(CARD_LIMITS.actionsPerSet).optional(),
  }),
});

export const actionSetSchema = z.strictObject({
  type: z.literal("ActionSet"),
  actions: z
    .array(z.union([executeActionSchema, showCardActionSchema]))
    .min(1)
    .max(CARD_LIMITS.actionsPerSet),
  spacing: spacing.optional(),
});

export const imageSchema = z.strictObject({
  type: z.literal("Image"),
  url: z.url({ protocol: /^https$|^http$/ }),
  altText: z.string().min(1),
  size: z.enum(["Auto", "Stretch"]).optional(),
  spacing: spacing.optional(),
});

/** A submitted form's data: the encoded FormId; Teams adds each input's value beside it, keyed by input id. */
const formData = z.strictObject({
  mf: z.string().refine((value) => decodeFormId(value) !== undefined, "not a valid encoded form id"),
});
export const formSubmitSchema = z.strictObject({
  type: z.literal("Action.Execute"),
  title,
  verb: z.literal(ACTION_VERB),
  data: formData,
  style: actionStyle,
  fallback: z.strictObject({ type: z.literal("Action.Submit"), title, data: formData, style: actionStyle }),
});

const inputId = z.string().regex(/^[a-z][a-z-]{0,30}$/);
const inputCommon = { id: inputId, label: z.string().min(1).max(75), spacing: spacing.optional() };
export const inputSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("Input.ChoiceSet"),
    ...inputCommon,
    style: z.literal("compact"),
    choices: z.array(z.strictObject({ title: z.string().min(1).max(75), value: z.string().min(1).max(150) })).min(1),
    value: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("Input.Date"), ...inputCommon, value: z.iso.date().optional() }),
  z.strictObject({ type: z.literal("Input.Time"), ...inputCommon, value: z.string().optional() }),
  z.strictObject({ type: z.literal("Input.Text"), ...inputCommon, value: z.string().optional(), maxLength: z.int() }),
]);

export const formActionSetSchema = z.strictObject({
  type: z.literal("ActionSet"),
  actions: z.tuple([formSubmitSchema]),
  spacing: spacing.optional(),
});

export const elementSchema = z.union([
  z.discriminatedUnion("type", [textBlockSchema, imageSchema, actionSetSchema, columnSetSchema, containerSchema]),
  inputSchema,
  formActionSetSchema,
]);

export const adaptiveCardSchema = z
  .strictObject({
    $schema: z.literal(CARD_SCHEMA_URL),
    type: z.literal("AdaptiveCard"),
    version: z.literal(CARD_VERSION),
    body: z.array(elementSchema).min(1),
    msteams: z.strictObject({ width: z.literal("Full") }).optional(),
  })
  .refine((card) => cardBytes(card) <= CARD_LIMITS.cardBytes, {
    message: `card is larger than ${CARD_LIMITS.cardBytes} bytes`,
  });

export type AdaptiveCard = z.infer<typeof adaptiveCardSchema>;
export type CardElement = z.infer<typeof elementSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type CardImage = z.infer<typeof imageSchema>;
export type ExecuteAction = z.infer<typeof executeActionSchema>;
export type ShowCardAction = z.infer<typeof showCardActionSchema>;
export type CardAction = ExecuteAction | ShowCardAction;
export type CardInput = z.infer<typeof inputSchema>;

export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

import { z } from "zod";

/**
 * The subset of Block Kit this app sends, with Slack's limits (docs "Blocks", @slack/types JSDoc). Every render is
 * checked against it in tests, and deliveries check it again before sending, so a message Slack would reject with
 * `invalid_blocks` is caught here, with the offending path, instead of in production.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  /** Read by screen readers instead of the button's text. */
  accessibilityLabel: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  sectionFields: 10,
  fieldText: 2000,
  buttonValue: 2000,
  id: 255,
  actionsElements: 25,
  contextElements: 10,
  imageUrl: 3000,
  altText: 2000,
  /** Notification / fallback text: Slack truncates at 40,000, but keeps it readable far below. */
  fallbackText: 4000,
} as const;

const id = z.string().min(1).max(LIMITS.id);
const mrkdwn = z.strictObject({ type: z.literal("mrkdwn"), text: z.string().min(1).max(LIMITS.sectionText) });
const plainText = (max: number) =>
  z.strictObject({ type: z.literal("plain_text"), text: z.string().min(1).max(max), emoji: z.boolean().optional() });

/** The dialog Slack shows before it sends the click (Block Kit "Confirmation dialog object"). */
export const confirmSchema = z.strictObject({
  title: plainText(LIMITS.confirmTitle),
  text: plainText(LIMITS.confirmText),
  confirm: plainText(LIMITS.confirmButton),
  deny: plainText(LIMITS.confirmButton),
  style: z.enum(["primary", "danger"]).optional(),
});

export const buttonSchema = z.strictObject({
  type: z.literal("button"),
  action_id: id,
  text: plainText(LIMITS.buttonText),
  value: z.string().min(1).max(LIMITS.buttonValue),
  style: z.enum(["primary", "danger"]).optional(),
  accessibility_label: z.string().min(1).max(LIMITS.accessibilityLabel).optional(),
  confirm: confirmSchema.optional(),
});

export const blockSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("header"), block_id: id.optional(), text: plainText(LIMITS.headerText) }),
  z
    .strictObject({
      type: z.literal("section"),
      block_id: id.optional(),
      text: mrkdwn.optional(),
      /** Two columns on desktop and phone; Slack wants text or fields. */
      fields: z
        .array(z.strictObject({ type: z.literal("mrkdwn"), text: z.string().min(1).max(LIMITS.fieldText) }))
        .min(1)
        .max(LIMITS.sectionFields)
        .optional(),
      accessory: buttonSchema.optional(),
    })
    .refine((s) => s.text !== undefined || s.fields !== undefined, "a section needs text or fields"),
  z.strictObject({
    type: z.literal("context"),
    block_id: id.optional(),
    elements: z.array(mrkdwn).min(1).max(LIMITS.contextElements),
  }),
  z.strictObject({
    type: z.literal("actions"),
    block_id: id.optional(),
    elements: z.array(buttonSchema).min(1).max(LIMITS.actionsElements),
  }),
  z.strictObject({ type: z.literal("divider"), block_id: id.optional() }),
  z.strictObject({
    type: z.literal("image"),
    block_id: id.optional(),
    image_url: z.url({ protocol: /^https?$/ }).max(LIMITS.imageUrl),
    alt_text: z.string().min(1).max(LIMITS.altText),
  }),
]);

export type Block = z.infer<typeof blockSchema>;
export type SlackButton = z.infer<typeof buttonSchema>;

/** Slack rejects a message whose block ids repeat; we also keep action ids unique so a click names one button. */
function uniqueIds(blocks: readonly Block[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  const claim = (value: string | undefined, what: string) => {
    if (value === undefined) return;
    if (seen.has(`${what}:${value}`)) ctx.addIssue({ code: "custom", message: `duplicate ${what} ${value}` });
    seen.add(`${what}:${value}`);
  };
  for (const block of blocks) {
    claim(block.block_id, "block_id");
    if (block.type === "actions") for (const button of block.elements) claim(button.action_id, "action_id");
    if (block.type === "section" && block.accessory) claim(block.accessory.action_id, "action_id");
  }
}

export const slackMessageSchema = z
  .strictObject({
    text: z.string().min(1).max(LIMITS.fallbackText),
    blocks: z.array(blockSchema).min(1).max(LIMITS.messageBlocks),
  })
  .superRefine((message, ctx) => uniqueIds(message.blocks, ctx));

export const homeViewSchema = z
  .strictObject({
    type: z.literal("home"),
    blocks: z.array(blockSchema).min(1).max(LIMITS.viewBlocks),
  })
  .superRefine((view, ctx) => uniqueIds(view.blocks, ctx));

export type SlackMessage = z.infer<typeof slackMessageSchema>;
export type HomeView = z.infer<typeof homeViewSchema>;

/** An input of a modal (docs "Input block"): the element kinds our forms use, block and action id = field id. */
const option = z.strictObject({ text: plainText(75), value: z.string().min(1).max(150) });
const inputElement = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("static_select"),
    action_id: id,
    options: z.array(option).min(1).max(100),
    initial_option: option.optional(),
  }),
  z.strictObject({ type: z.literal("users_select"), action_id: id, initial_user: id.optional() }),
  z.strictObject({ type: z.literal("datepicker"), action_id: id, initial_date: z.iso.date().optional() }),
  z.strictObject({ type: z.literal("timepicker"), action_id: id, initial_time: z.string().optional() }),
  z.strictObject({
    type: z.literal("plain_text_input"),
    action_id: id,
    initial_value: z.string().max(3000).optional(),
  }),
]);
const inputBlock = z.strictObject({
  type: z.literal("input"),
  block_id: id,
  label: plainText(2000),
  hint: plainText(2000).optional(),
  optional: z.boolean().optional(),
  element: inputElement,
});

/** A modal for views.open (docs "Modals"): title and button texts at most 24 characters, at most 100 blocks. */
export const modalViewSchema = z.strictObject({
  type: z.literal("modal"),
  callback_id: id,
  private_metadata: z.string().max(3000),
  title: plainText(24),
  submit: plainText(24),
  close: plainText(24),
  blocks: z
    .array(z.union([inputBlock, blockSchema]))
    .min(1)
    .max(LIMITS.viewBlocks),
});
export type ModalView = z.infer<typeof modalViewSchema>;
type InputBlock = z.infer<typeof inputBlock>;

export type { InputBlock };

import { encodeFormId, type FormErrorsMessage, type FormField, type FormMessage } from "../../src/chat/forms.js";
import type { Cap } from "./render-cap.js";
import { textBlock } from "./render-elements.js";
import { ACTION_VERB, type CardElement, type CardInput } from "./render-schema.js";
import { safe, shorten } from "./text.js";

function input(field: FormField): CardInput {
  const common = { id: field.id, label: shorten(field.label, 75) };
  const value = field.value ? { value: field.value } : {};
  switch (field.type) {
    case "choice":
    case "person":
      // Teams gives bots no people picker outside task modules: the people the flow lists are the choices.
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: "compact",
        choices: field.options.map((o) => ({ title: shorten(o.label, 75), value: o.value })),
        ...value,
      };
    case "date":
      return { type: "Input.Date", ...common, ...value };
    case "time":
      return { type: "Input.Time", ...common, ...value };
    case "text":
      return { type: "Input.Text", ...common, maxLength: 150, ...value };
  }
}

/**
 * A neutral form as card inputs plus one Action.Execute (Action.Submit as fallback) whose data carries the form's
 * id; Teams sends every input's value along with it. Errors (a refused submission) stand above the field.
 */
export function renderForm(form: FormMessage, cap: Cap, errors: FormErrorsMessage["errors"] = {}): CardElement[] {
  const title = shorten(form.submitLabel, 40);
  const data = { mf: encodeFormId(form.id) };
  return [
    textBlock(safe(form.title, cap(200)), { weight: "Bolder", size: "Medium" }),
    ...(form.text ? [textBlock(safe(form.text, cap(500)), { spacing: "Small" })] : []),
    ...(Object.keys(errors).length > 0 ? [textBlock("Nothing was saved: see below.", { color: "Attention" })] : []),
    ...form.fields.flatMap((field): CardElement[] => {
      const error = errors[field.id];
      return [
        input(field),
        ...(error ? [textBlock(safe(error, cap(300)), { color: "Attention", size: "Small", spacing: "None" })] : []),
        ...(field.hint && !error
          ? [textBlock(safe(field.hint, cap(300)), { isSubtle: true, size: "Small", spacing: "None" })]
          : []),
      ];
    }),
    {
      type: "ActionSet",
      actions: [
        {
          type: "Action.Execute",
          title,
          verb: ACTION_VERB,
          data,
          style: "positive",
          fallback: { type: "Action.Submit", title, data, style: "positive" },
        },
      ],
    },
  ];
}

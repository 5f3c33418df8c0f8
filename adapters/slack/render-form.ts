import { encodeFormId, type FormField, type FormMessage } from "../../src/chat/forms.js";
import { section } from "./render-elements.js";
import type { InputBlock, ModalView } from "./render-schema.js";
import { escapeMrkdwn as esc, fitPlain } from "./text.js";

/** The callback id of every modal this app opens; which form it is travels in private_metadata. */
export const FORM_CALLBACK_ID = "ma:form";

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: fitPlain(text, max) });

function element(field: FormField): InputBlock["element"] {
  const action_id = field.id;
  switch (field.type) {
    case "choice": {
      const options = field.options.map((o) => ({ text: plain(o.label, 75), value: o.value }));
      const initial = options.find((o) => o.value === field.value);
      return { type: "static_select", action_id, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case "person":
      return { type: "users_select", action_id, ...(field.value ? { initial_user: field.value } : {}) };
    case "date":
      return { type: "datepicker", action_id, ...(field.value ? { initial_date: field.value } : {}) };
    case "time":
      return { type: "timepicker", action_id, ...(field.value ? { initial_time: field.value } : {}) };
    case "text":
      return { type: "plain_text_input", action_id, ...(field.value ? { initial_value: field.value } : {}) };
  }
}

/** A neutral form as a modal: one input block per field (block and action id = the field's id). */
export function renderForm(form: FormMessage): ModalView {
  const inputs: InputBlock[] = form.fields.map((field) => ({
    type: "input",
    block_id: field.id,
    label: plain(field.label, 2000),
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
    // A choice left empty (no target yet) is a valid answer: "leave it as it is".
    ...(field.type === "choice" && field.value === undefined ? { optional: true } : {}),
    element: element(field),
  }));
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    private_metadata: encodeFormId(form.id),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain("Cancel", 24),
    blocks: [...(form.text ? [section(esc(form.text))] : []), ...inputs],
  };
}

import { z } from "zod";
import type { Reply } from "../../src/chat/outbound.js";
import type { AssessmentModel } from "../../src/engine/model-schema.js";

/** What a webhook POST carries: a JSON object, checked field by field so the caller learns what was wrong. */
export const recheckBodySchema = z.strictObject({
  dimension: z.string().min(1).max(100).optional(),
  reason: z.string().trim().min(1, "reason is required").max(200, "reason: at most 200 characters"),
  url: z
    .url({ protocol: /^https?$/, error: "url must be an http(s) link" })
    .max(500)
    .optional(),
});
export type RecheckBody = z.infer<typeof recheckBodySchema>;

/** A dimension by id or by name, any case; undefined when the model has no such dimension. */
export function findDimension(model: AssessmentModel, given: string) {
  const wanted = given.trim().toLowerCase();
  return model.dimensions.find((d) => d.id.toLowerCase() === wanted || d.name.toLowerCase() === wanted);
}

/**
 * The channel post for an event: "Re-check <dimension> after: <reason>", the link, and a button that starts a
 * partial assessment of that dimension (its deep statements) or, with no dimension, the quick assessment.
 */
export function recheckPost(
  model: AssessmentModel,
  channel: string,
  body: RecheckBody,
  dimension: { id: string; name: string } | undefined,
): Reply {
  return {
    message: {
      kind: "notice",
      text: `Re-check ${dimension?.name ?? "your MLOps maturity"} after: ${body.reason}`,
      lines: [
        ...(body.url ? [body.url] : []),
        dimension
          ? `A few statements about ${dimension.name} only; the team's other levels stay as they are.`
          : `The quick assessment: one question per dimension (${model.dimensions.length}).`,
      ],
      buttons: [
        {
          label: dimension ? `Re-check ${dimension.name}`.slice(0, 75) : "Start quick re-check",
          action: dimension ? { a: "recheck", c: channel, d: dimension.id } : { a: "start", c: channel, m: "quick" },
          style: "primary",
        },
      ],
    },
    delivery: { to: "channel" },
  };
}

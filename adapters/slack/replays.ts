import { createHash } from "node:crypto";
import { EVENT_DEDUPE_TTL_MS, SIGNATURE_WINDOW_MS } from "../../src/store/keys.js";
import { payloadKind } from "./parse.js";
import { commandPayload, eventCallbackPayload } from "./schema.js";

/**
 * What makes a request the same request again, and for how long that matters. Slack retries an Events API delivery
 * with the same `event_id`; a slash command has no id, but a replayed one is the same signed body (its trigger_id
 * included), and past the signature window the receiver refuses it anyway.
 */
export interface RequestIdentity {
  workspace: string;
  id: string;
  ttlMs: number;
}

export function requestIdentity(body: unknown): RequestIdentity | undefined {
  // Every click comes through here and is neither: told apart before any schema runs (see payloadKind).
  const kind = payloadKind(body);
  if (kind === "event_callback") {
    const envelope = eventCallbackPayload.safeParse(body);
    if (envelope.success && envelope.data.event_id) {
      return { workspace: envelope.data.team_id, id: envelope.data.event_id, ttlMs: EVENT_DEDUPE_TTL_MS };
    }
  }
  if (kind !== "command") return undefined;
  const command = commandPayload.safeParse(body);
  if (!command.success) return undefined;
  const digest = createHash("sha256").update(JSON.stringify(body)).digest("base64url");
  return { workspace: command.data.team_id, id: `command:${digest}`, ttlMs: SIGNATURE_WINDOW_MS };
}

import { createHash } from "node:crypto";
import { EVENT_DEDUPE_TTL_MS, SIGNATURE_WINDOW_MS } from "../../src/store/keys.js";
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

/** The two fields that tell an event or a command from a click, read without a schema that would fail. */
type Kind = { type?: unknown; command?: unknown };

export function requestIdentity(body: unknown): RequestIdentity | undefined {
  // Every click comes through here and is neither: a schema that fails builds its issues, on every click.
  const kind: Kind = typeof body === "object" && body !== null ? body : {};
  if (kind.type === "event_callback") {
    const envelope = eventCallbackPayload.safeParse(body);
    if (envelope.success && envelope.data.event_id) {
      return { workspace: envelope.data.team_id, id: envelope.data.event_id, ttlMs: EVENT_DEDUPE_TTL_MS };
    }
  }
  if (typeof kind.command !== "string") return undefined;
  const command = commandPayload.safeParse(body);
  if (!command.success) return undefined;
  const digest = createHash("sha256").update(JSON.stringify(body)).digest("base64url");
  return { workspace: command.data.team_id, id: `command:${digest}`, ttlMs: SIGNATURE_WINDOW_MS };
}

import { createHash, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { platformSchema, type TeamScope } from "../../src/chat/address.js";
import type { Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { HOUR_MS } from "../../src/time-units.js";

/** 192 random bits, URL-safe: far beyond guessing, short enough for a URL people paste. */
const TOKEN_BYTES = 24;
/** Requests a team's webhook accepts per hour; more are refused with 429 and Retry-After. */
export const HOOK_LIMIT_PER_HOUR = 10;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The secret GitHub signs deliveries with (X-Hub-Signature-256), derived from the token: shown once with the URL,
 * recomputed from the URL's token when a delivery arrives, so nothing but the token's hash is ever stored.
 */
export const githubSecretOf = (token: string) =>
  createHmac("sha256", token).update("github").digest("hex").slice(0, 40);

const webhookSchema = z.object({ hash: z.string().length(64), createdAt: z.iso.datetime(), createdBy: z.string() });
const teamSchema = z.object({ platform: platformSchema, workspace: z.string(), channel: z.string() });
const hitsSchema = z.array(z.number());

/** Re-check webhooks: one per team, looked up by the hash of the token in the request's URL. */
export function createWebhookRepo(store: Store, keys: Keys) {
  const remove = async (team: TeamScope) => {
    const current = await store.get(keys.webhook(team), webhookSchema);
    if (current) await store.delete(keys.webhookToken(current.hash));
    await store.delete(keys.webhook(team));
    return current !== undefined;
  };
  return {
    exists: async (team: TeamScope) => (await store.get(keys.webhook(team), webhookSchema)) !== undefined,

    /** A new token for the team (the old one, if any, stops working). Returns the token: shown once, never stored. */
    async issue(team: TeamScope, by: string, now: Date): Promise<string> {
      await remove(team);
      const token = randomBytes(TOKEN_BYTES).toString("base64url");
      const hash = hashOf(token);
      await store.set(keys.webhookToken(hash), { ...team });
      await store.set(keys.webhook(team), { hash, createdAt: now.toISOString(), createdBy: by });
      return token;
    },

    remove,

    /** The team a token belongs to; undefined for a token nobody issued (or one rotated away). */
    find: (token: string) =>
      /^[\w-]{1,100}$/.test(token)
        ? store.get(keys.webhookToken(hashOf(token)), teamSchema)
        : Promise.resolve(undefined),

    /**
     * Count one request against the team's hourly limit: accepted, or refused with how long until a slot frees.
     * A sliding window of the last hour's accepted requests, updated with compare-and-set.
     */
    async admit(team: TeamScope, now: Date): Promise<{ ok: true } | { ok: false; retryAfterSec: number }> {
      let verdict: { ok: true } | { ok: false; retryAfterSec: number } = { ok: true };
      const since = now.getTime() - HOUR_MS;
      await store.update(
        keys.webhookHits(team),
        hitsSchema,
        (hits = []) => {
          const recent = hits.filter((t) => t > since);
          if (recent.length >= HOOK_LIMIT_PER_HOUR) {
            verdict = {
              ok: false,
              retryAfterSec: Math.max(1, Math.ceil(((recent[0] ?? now.getTime()) - since) / 1000)),
            };
            return undefined;
          }
          verdict = { ok: true };
          return [...recent, now.getTime()];
        },
        HOUR_MS,
      );
      return verdict;
    },
  };
}

export type WebhookRepo = ReturnType<typeof createWebhookRepo>;

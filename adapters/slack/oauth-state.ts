import { createHash } from "node:crypto";
import oauth, { type InstallURLOptions, InvalidStateError, type StateStore } from "@slack/oauth";
import type { Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";

/** How long an install link's state is good for (Bolt's own default). */
export const STATE_TTL_SECONDS = 600;

/**
 * The OAuth `state`: signed with SLACK_STATE_SECRET by Bolt's ClearStateStore (forged or expired: refused), and
 * good once. ClearStateStore alone accepts the same state again until it expires, and Bolt's browser cookie only
 * binds it to one browser; recording each state's first use in the store makes a replay fail on every replica.
 */
export function createSingleUseStateStore(deps: { secret: string; store: Store; keys: Keys }): StateStore {
  // Reached through the CommonJS module object: Node's ESM loader does not see it as a named export.
  const signed = new oauth.ClearStateStore(deps.secret, STATE_TTL_SECONDS);
  return {
    generateStateParam: (options: InstallURLOptions, now: Date) => signed.generateStateParam(options, now),
    async verifyStateParam(now: Date, state: string) {
      const options = await signed.verifyStateParam(now, state);
      const digest = createHash("sha256").update(state).digest("hex");
      const first = await deps.store.setIfAbsent(deps.keys.oauthStateUsed(digest), 1, STATE_TTL_SECONDS * 1000);
      if (!first) throw new InvalidStateError("The state parameter was already used");
      return options;
    },
  };
}

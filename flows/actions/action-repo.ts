import { randomUUID } from "node:crypto";
import type { TeamScope } from "../../src/chat/address.js";
import { InvariantError } from "../../src/errors.js";
import type { Keys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import { type ActionState, actionsSchema, MAX_ACTIONS, type TeamAction } from "./action-state.js";

/** Keep the newest MAX_ACTIONS, dropping the oldest closed ones first (open ones are what the team works on). */
function capped(actions: TeamAction[]): TeamAction[] {
  const over = actions.length - MAX_ACTIONS;
  if (over <= 0) return actions;
  const drop = new Set(
    actions
      .filter((a) => a.state !== "open")
      .slice(0, over)
      .map((a) => a.id),
  );
  return actions.filter((a) => !drop.has(a.id)).slice(-MAX_ACTIONS);
}

/** A team's actions, one key per team; every write is a compare-and-set, so two clicks never lose each other. */
export function createActionRepo(store: Store, keys: Keys) {
  const list = async (team: TeamScope) => (await store.get(keys.actions(team), actionsSchema)) ?? [];
  const change = async (team: TeamScope, id: string, edit: (a: TeamAction) => TeamAction | undefined) => {
    let found: TeamAction | undefined;
    await store.update(keys.actions(team), actionsSchema, (current = []) => {
      found = undefined;
      const index = current.findIndex((a) => a.id === id);
      const action = current[index];
      if (!action) return undefined;
      found = edit(action) ?? action;
      return found === action ? undefined : current.map((a, i) => (i === index ? (found as TeamAction) : a));
    });
    return found;
  };
  return {
    list,
    open: async (team: TeamScope) => (await list(team)).filter((a) => a.state === "open"),
    get: async (team: TeamScope, id: string) => (await list(team)).find((a) => a.id === id),

    /** Adopt a practice; adopting one the team already has open returns that one (a double click adopts once). */
    async adopt(
      team: TeamScope,
      init: Omit<TeamAction, "id" | "state" | "closedAt" | "closedBy">,
    ): Promise<{ action: TeamAction; created: boolean }> {
      let result: { action: TeamAction; created: boolean } | undefined;
      await store.update(keys.actions(team), actionsSchema, (current = []) => {
        const existing = current.find((a) => a.state === "open" && a.practiceId === init.practiceId);
        if (existing) {
          result = { action: existing, created: false };
          return undefined;
        }
        const action: TeamAction = { ...init, id: randomUUID().slice(0, 8), state: "open" };
        result = { action, created: true };
        return capped([...current, action]);
      });
      if (!result) throw new InvariantError("adopt did not run");
      return result;
    },

    /** Mark done, dropped or open again; undefined when the team has no such action. */
    setState: (team: TeamScope, id: string, state: ActionState, now: Date, by: "person" | "answers" = "person") =>
      change(team, id, (a) => {
        if (a.state === state) return undefined;
        if (state === "open") {
          const { closedAt: _at, closedBy: _by, ...reopened } = a;
          return { ...reopened, state };
        }
        return { ...a, state, closedAt: now.toISOString(), closedBy: by };
      }),

    reassign: (team: TeamScope, id: string, owner: TeamAction["owner"], due: string) =>
      change(team, id, (a) => ({ ...a, owner, due })),
  };
}

export type ActionRepo = ReturnType<typeof createActionRepo>;

import { z } from "zod";
import type { InstallQuery } from "./installations.js";

/**
 * The two events that end an installation: `app_uninstalled`, and `tokens_revoked` when the bot's token is among
 * the revoked ones (user tokens alone: the app holds none, so nothing changes). Bolt delivers both without
 * authorize(), since the installation may already be unusable.
 */
const authorization = z.object({
  team_id: z.string().nullish(),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().optional(),
});
const ending = z.object({
  type: z.literal("event_callback"),
  team_id: z.string().optional(),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().optional(),
  authorizations: z.array(authorization).optional(),
  event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("app_uninstalled") }),
    z.object({
      type: z.literal("tokens_revoked"),
      tokens: z.object({ bot: z.array(z.string()).optional() }).optional(),
    }),
  ]),
});

/** The installation an event ends, or undefined when the event ends none. */
export function endedInstallation(body: unknown): InstallQuery | undefined {
  const parsed = ending.safeParse(body);
  if (!parsed.success) return undefined;
  const { data } = parsed;
  if (data.event.type === "tokens_revoked" && (data.event.tokens?.bot ?? []).length === 0) return undefined;
  const auth = data.authorizations?.[0];
  return {
    teamId: data.team_id ?? auth?.team_id ?? undefined,
    enterpriseId: data.enterprise_id ?? auth?.enterprise_id ?? undefined,
    isEnterpriseInstall: data.is_enterprise_install ?? auth?.is_enterprise_install ?? false,
  };
}

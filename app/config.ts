import { z } from "zod";
import { CodedError } from "../src/errors.js";

/**
 * All configuration, read once from the environment and validated with zod. A bad or half-set configuration
 * stops start-up with one message listing every problem, instead of failing on the first request.
 */
const hostPort = z
  .string()
  .regex(/^[^:,\s]+:\d+$/, "use host:port")
  .transform((s) => {
    const [host = "", port = "0"] = s.split(":");
    return { host, port: Number(port) };
  });
const hostList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(hostPort).min(1));
/** An AES-256 key: 32 bytes, written as 64 hex digits or as base64 (`openssl rand -base64 32`). */
const aesKey = z
  .string()
  .transform((s) => (/^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, "hex") : Buffer.from(s, "base64")))
  .refine((key) => key.length === 32, "use 32 random bytes as hex or base64, e.g. `openssl rand -base64 32`");
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const envSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
  ),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: "use redis:// or rediss://" })),
  REDIS_SENTINELS: optional(hostList),
  REDIS_SENTINEL_NAME: optional(z.string()),
  REDIS_CLUSTER_NODES: optional(hostList),
  KEY_PREFIX: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default("ma"),
  ),
  MODEL_FILE: optional(z.string()),
  ROUND_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(365).default(14)),
  /** Data retention: closed rounds older than this many days leave the team's history. */
  HISTORY_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(30).max(3650).default(730)),
  /** Privacy floor: team summaries show the spread of answers only from this many respondents on. */
  MIN_RESPONDENTS_FOR_SPREAD: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(3)),
  /**
   * Comma-separated user ids who count as admins (`org`, managing any round and any channel's reminders): Slack
   * U… ids, and for Teams the `from.id` the bot is sent (29:…), which is what it compares, not the AAD object id.
   * A refused person is told their id.
   */
  ADMIN_USER_IDS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      ),
  ),
  SLACK_SIGNING_SECRET: optional(z.string().min(8)),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xox[bp]-/, "a bot token starts with xoxb-")),
  SLACK_API_URL: optional(z.url()),
  /** Multi-workspace mode (OAuth installs): Basic Information -> App Credentials. */
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, "a client id looks like 1234567890.1234567890")),
  SLACK_CLIENT_SECRET: optional(z.string().min(16)),
  /** Signs the OAuth `state` of install links; at least 16 characters, e.g. `openssl rand -hex 32`. */
  SLACK_STATE_SECRET: optional(z.string().min(16)),
  /** Seals installations (bot tokens) at rest with AES-256-GCM. Losing it means every workspace reinstalls. */
  SLACK_INSTALLATION_KEY: optional(aesKey),
  /** After an uninstall, the workspace's data is kept this many days (a reinstall finds it again); 0: deleted at once. */
  UNINSTALL_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3650).default(30)),
  SLACK_BOT_ID: optional(z.string()),
  SLACK_BOT_USER_ID: optional(z.string()),
  MICROSOFT_APP_ID: optional(z.string()),
  MICROSOFT_APP_PASSWORD: optional(z.string()),
  MICROSOFT_APP_TENANT_ID: optional(z.string()),
  MICROSOFT_APP_TYPE: z.preprocess(blankToUndefined, z.enum(["MultiTenant", "SingleTenant"]).default("MultiTenant")),
  /** The app's public https address: summary charts are served from it as signed, expiring image links. */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  /** Signs chart links; at least 16 characters, e.g. `openssl rand -hex 32`. */
  CHART_SECRET: optional(z.string().min(16)),
  CHART_LINK_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(365).default(90)),
  /**
   * Chart images on a port of their own, served by a thread at the lowest CPU priority, so a crowd of image fetches
   * never holds up an ack; PORT then no longer serves them. Route `/charts/` to it (or point CHART_PUBLIC_URL at it).
   */
  CHART_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  /** Where chart links point, when that is not PUBLIC_URL (a host of its own for CHART_PORT, say). */
  CHART_PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  /** Prometheus /metrics on its own port (keep it off the public network); without it, on PORT behind METRICS_TOKEN. */
  METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  /** Bearer token /metrics asks for; without METRICS_PORT it is the only way /metrics is served on PORT. */
  METRICS_TOKEN: optional(z.string().min(16)),
  /** Serve /api/messages without an app id (local testing with auth off). */
  TEAMS_ENABLED: z.preprocess(blankToUndefined, z.enum(["true", "false"]).default("false")),
});

/** Set together, they switch Slack to multi-workspace mode (installs through OAuth, one token per workspace). */
export const SLACK_OAUTH_VARIABLES = [
  "SLACK_CLIENT_ID",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "SLACK_INSTALLATION_KEY",
] as const;

/**
 * Variables that only make sense together. Checked on the raw environment (presence only), so these problems are
 * listed even when other variables are invalid too.
 */
function missingPartners(source: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => (source[name] ?? "").trim() !== "";
  const problems: string[] = [];
  const needs = (a: string, b: string) => {
    if (set(a) && !set(b)) problems.push(`${b}: required when ${a} is set`);
  };
  const both = (a: string, b: string) => {
    needs(a, b);
    needs(b, a);
  };
  const oauth = SLACK_OAUTH_VARIABLES.filter(set);
  const [firstOAuth] = oauth;
  if (firstOAuth) {
    // Multi-workspace mode: all four or none, and no single token beside them (which workspace would it be?).
    for (const name of [...SLACK_OAUTH_VARIABLES, "SLACK_SIGNING_SECRET"]) needs(firstOAuth, name);
    for (const single of ["SLACK_BOT_TOKEN", "SLACK_BOT_ID", "SLACK_BOT_USER_ID"].filter(set)) {
      problems.push(`${single}: leave empty when ${firstOAuth} is set (each workspace's bot comes from its install)`);
    }
  } else both("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
  both("SLACK_BOT_ID", "SLACK_BOT_USER_ID");
  both("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD");
  needs("MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_ID");
  both("REDIS_SENTINELS", "REDIS_SENTINEL_NAME");
  both("PUBLIC_URL", "CHART_SECRET");
  needs("CHART_PORT", "CHART_SECRET");
  needs("CHART_PUBLIC_URL", "CHART_SECRET");
  if (set("MICROSOFT_APP_ID") && source.MICROSOFT_APP_TYPE === "SingleTenant")
    needs("MICROSOFT_APP_ID", "MICROSOFT_APP_TENANT_ID");
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends CodedError {
  readonly code = "config_invalid";
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`,
    );
  }
}

export function readConfig(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`)),
    ...missingPartners(source),
  ];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

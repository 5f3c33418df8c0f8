import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { InvariantError } from "../../src/errors.js";
import { colorIcon, outlineIcon } from "./icons.js";
import { zip } from "./zip.js";

/**
 * The Teams app package: manifest.json with its placeholders filled in, and the two icons, zipped flat (Teams
 * rejects a package whose files sit in a folder). Upload it in Teams (Apps → Manage your apps → Upload an app).
 * Built by `npm run teams:package`; nothing here runs in the bot.
 */
export const MANIFEST_TEMPLATE = join(import.meta.dirname, "manifest.json");
export const APP_PACKAGE_FILE = join(import.meta.dirname, "mlops-assess-teams.zip");

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");

export const packageEnvSchema = z.object({
  /** The bot's Microsoft App ID (Azure Bot resource). */
  MICROSOFT_APP_ID: z.string({ error: "set it to the bot's Microsoft App ID" }).pipe(guid),
  /** The Teams app's own id; the bot's id is a fine default for a single-bot app. */
  TEAMS_APP_ID: guid.optional(),
  /** Where the developer, privacy and terms links point. */
  TEAMS_DEVELOPER_URL: z.url({ protocol: /^https$/, error: "must be an https:// URL" }).optional(),
});
/** The environment (process.env or a test's): only the variables above are read. */
export type PackageEnv = Record<string, string | undefined>;

const DEFAULT_DEVELOPER_URL = "https://example.com/mlops-assess";

const command = z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) });
/** The limits of the manifest schema (v1.19 and later) that the Teams upload checks, so a bad package fails here instead. */
export const manifestSchema = z.looseObject({
  $schema: z.string().regex(/\/teams\/v1\.(19|[2-9]\d)\/MicrosoftTeams\.schema\.json$/),
  manifestVersion: z.string().regex(/^1\.(19|[2-9]\d)$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: guid,
  name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal("color.png"), outline: z.literal("outline.png") }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  bots: z
    .array(
      z.looseObject({
        botId: guid,
        scopes: z.array(z.enum(["personal", "team", "groupChat"])).min(1),
        commandLists: z
          .array(
            z.object({
              scopes: z.array(z.enum(["personal", "team", "groupChat"])),
              commands: z.array(command).max(10),
            }),
          )
          .max(3),
      }),
    )
    .length(1),
});

/** manifest.json with `${{TEAMS_APP_ID}}`, `${{BOT_ID}}` and `${{DEVELOPER_URL}}` filled in, checked. */
export function renderManifest(template: string, env: PackageEnv): string {
  const values = packageEnvSchema.parse(env);
  const replacements: Record<string, string> = {
    TEAMS_APP_ID: values.TEAMS_APP_ID ?? values.MICROSOFT_APP_ID,
    BOT_ID: values.MICROSOFT_APP_ID,
    DEVELOPER_URL: (values.TEAMS_DEVELOPER_URL ?? DEFAULT_DEVELOPER_URL).replace(/\/$/, ""),
  };
  const text = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = replacements[name];
    if (value === undefined) throw new InvariantError(`manifest.json has an unknown placeholder ${whole}`);
    return value;
  });
  manifestSchema.parse(JSON.parse(text));
  return text;
}

export function buildAppPackage(env: PackageEnv, template = readFileSync(MANIFEST_TEMPLATE, "utf8")): Buffer {
  return zip([
    { name: "manifest.json", data: Buffer.from(renderManifest(template, env), "utf8") },
    { name: "color.png", data: colorIcon().png },
    { name: "outline.png", data: outlineIcon().png },
  ]);
}

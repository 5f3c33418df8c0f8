import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { z } from "zod";
import { SLACK_MANIFEST, slackUsageHint, TEAMS_MANIFEST, teamsCommandLists } from "./derive.js";

/** `npm run manifests`: brings both app manifests up to date with the command registry (flows/commands/). */
const slackShape = z.looseObject({
  features: z.looseObject({ slash_commands: z.array(z.looseObject({ usage_hint: z.string() })).length(1) }),
});
const teamsShape = z.looseObject({ bots: z.array(z.looseObject({ commandLists: z.array(z.unknown()) })).length(1) });

const write = (path: string, manifest: unknown) => {
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${relative(process.cwd(), path)} written\n`);
};

/** The manifest as read, once its shape is checked: edited in place, since zod's parsed copy reorders the keys. */
function checked<T extends z.ZodType>(path: string, shape: T): z.infer<T> {
  const manifest: unknown = JSON.parse(readFileSync(path, "utf8"));
  shape.parse(manifest);
  return manifest as z.infer<T>;
}

const slack = checked(SLACK_MANIFEST, slackShape);
for (const slash of slack.features.slash_commands) slash.usage_hint = slackUsageHint();
write(SLACK_MANIFEST, slack);

const teams = checked(TEAMS_MANIFEST, teamsShape);
for (const bot of teams.bots) bot.commandLists = teamsCommandLists();
write(TEAMS_MANIFEST, teams);

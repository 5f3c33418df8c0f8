import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { z } from "zod";
import { APP_PACKAGE_FILE, buildAppPackage } from "./app-package.js";

/** `npm run teams:package`: writes the Teams app package for the bot in MICROSOFT_APP_ID. */
try {
  writeFileSync(APP_PACKAGE_FILE, buildAppPackage(process.env));
  if (!process.env.TEAMS_DEVELOPER_URL) {
    process.stderr.write(
      "note: TEAMS_DEVELOPER_URL is not set; the package links to https://example.com/mlops-assess\n",
    );
  }
  process.stdout.write(
    `${relative(process.cwd(), APP_PACKAGE_FILE)} written: upload it in Teams (Apps → Manage your apps → Upload an app)\n`,
  );
} catch (error) {
  const detail =
    error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
  process.stderr.write(`cannot build the Teams app package:\n${detail}\n`);
  process.exitCode = 1;
}

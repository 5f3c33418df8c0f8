import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { colorIcon, outlineIcon } from "./icons.js";

/** Regenerate app-package/color.png and outline.png: `npx tsx adapters/teams/make-icons.ts`. */
const dir = join(import.meta.dirname, "app-package");
writeFileSync(join(dir, "color.png"), colorIcon());
writeFileSync(join(dir, "outline.png"), outlineIcon());
process.stdout.write(`icons written to ${dir}\n`);

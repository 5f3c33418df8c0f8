import type { Reply } from "../../src/chat/outbound.js";
import { type CommandEvent, type FlowContext, teamScope } from "../context.js";
import { privately } from "../replies.js";
import { exportToCsv } from "./export-csv.js";
import { buildTeamExport } from "./team-export.js";

export type ExportFormat = "csv" | "json";

/** `export [csv|json]`: the team's rounds as a file, sent to the person who asked. */
export async function exportCommand(
  ctx: FlowContext,
  { address }: CommandEvent,
  format: ExportFormat | undefined,
): Promise<Reply[]> {
  if (!format) return [privately("Export as `csv` or `json`, e.g. `/mlops-assess export csv`.")];
  const team = teamScope(address, address.channel);
  const data = await buildTeamExport(ctx, team);
  if (data.rounds.length === 0) {
    return [privately("No closed rounds to export yet. Close one with `/mlops-assess close`.")];
  }
  const day = data.exportedAt.slice(0, 10);
  const attributed = data.rounds.filter((r) => r.responses).length;
  const text =
    `${data.rounds.length} round(s) of this channel, as of ${day}. ` +
    (attributed > 0
      ? `Individual answers are included for the ${attributed} attributed round(s) only.`
      : "Team levels and evidence only: this channel's rounds are confidential.");
  const safeChannel = team.channel.replace(/[^\w.-]/g, "_").slice(0, 40);
  return [
    {
      message: {
        kind: "file",
        text,
        filename: `mlops-assess-${safeChannel}-${day}.${format}`,
        mimeType: format === "csv" ? "text/csv" : "application/json",
        content: format === "csv" ? exportToCsv(data) : `${JSON.stringify(data, null, 2)}\n`,
      },
      delivery: { to: "private", ephemeral: false },
    },
  ];
}

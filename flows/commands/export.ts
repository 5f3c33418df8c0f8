import { command } from "../../src/chat/command-words.js";
import { scopeOf } from "../context.js";
import { exportToCsv } from "../export/export-csv.js";
import { buildTeamExport } from "../export/team-export.js";
import { privately, problem } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";

type ExportFormat = "csv" | "json";

/** `export [csv|json]`: the team's rounds as a file, sent to the person who asked. */
export const exportRounds = defineCommand<{ format: ExportFormat | undefined }>({
  name: "export",
  readsOnly: true,
  aliases: [],
  usage: "export [csv|json]",
  help: "the team's rounds as a file (individual answers only from attributed rounds)",
  suggestion: {
    example: "export csv",
    inTeam: "The team's rounds as a file",
    inPersonal: "Your assessments as a file",
  },
  parse: ({ args }) => {
    const format = args[0]?.toLowerCase();
    return { format: format === undefined || format === "csv" ? "csv" : format === "json" ? "json" : undefined };
  },
  permission: () => ANYONE,
  async run(ctx, event, { format }) {
    if (!format)
      return [
        problem(
          "invalid_format",
          "I export as CSV or JSON only.",
          `Try ${command("export csv")} or ${command("export json")}.`,
        ),
      ];
    const team = scopeOf(event);
    const data = await buildTeamExport(ctx, team);
    if (data.rounds.length === 0) {
      return [privately(`No closed rounds to export yet. Close one with ${command("close")}.`)];
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
  },
});

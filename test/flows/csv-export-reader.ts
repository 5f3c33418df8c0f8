import { parse } from "csv-parse/sync";
import { z } from "zod";
import { FORMULA_START, type Row } from "../../flows/export/export-csv.js";
import { type ExportedRound, exportedRoundSchema } from "../../flows/export/team-export.js";

/** Tests read a CSV export back the way a spreadsheet user would, to check nothing was lost or mangled. */
const restore = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

const csvRow = z.record(z.string(), z.string());

/** Read a CSV export back into its rounds (the inverse of exportToCsv); throws on a file that is not one. */
export function roundsFromCsv(text: string): ExportedRound[] {
  const rows: Row[] = z
    .array(csvRow)
    .parse(parse(text, { columns: true, skip_empty_lines: true }))
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, restore(v)])));
  const ids = [...new Set(rows.filter((r) => r.record === "round").map((r) => r.round_id ?? ""))];
  return ids.map((id) => roundFrom(rows.filter((r) => r.round_id === id)));
}

function roundFrom(rows: Row[]): ExportedRound {
  const of = (record: string) => rows.filter((r) => r.record === record);
  const [head = {}] = of("round");
  const levels = of("level");
  const answers = of("answer");
  const people = [...new Set(answers.map((a) => a.person_id ?? ""))];
  return exportedRoundSchema.parse({
    roundId: head.round_id,
    mode: head.mode,
    privacy: head.privacy,
    openedAt: head.opened_at,
    closedAt: head.closed_at,
    respondents: Number(head.respondents),
    ...(head.model_version
      ? {
          snapshot: {
            modelVersion: head.model_version,
            profile: Number(head.profile),
            overall: Number(levels.find((l) => l.dimension === "overall")?.level),
            dimensions: levels
              .filter((l) => l.dimension !== "overall")
              .map((l) => ({ dimension: l.dimension, level: Number(l.level) })),
          },
        }
      : {}),
    evidence: of("evidence").map((e) => ({
      question: e.question,
      label: e.label,
      answer: e.answer,
      url: e.url,
      ...(e.person_name ? { by: e.person_name } : {}),
    })),
    ...(head.privacy === "attributed"
      ? {
          responses: people.map((person) => {
            const mine = answers.filter((a) => a.person_id === person);
            const first = mine[0] ?? {};
            return {
              person: { id: person, ...(first.person_name ? { name: first.person_name } : {}) },
              mode: first.mode,
              modelVersion: first.model_version,
              answers: Object.fromEntries(mine.map((a) => [a.question ?? "", a.answer ?? ""])),
            };
          }),
        }
      : {}),
  });
}

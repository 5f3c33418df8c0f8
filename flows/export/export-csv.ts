import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { ExportedRound, TeamExport } from "./team-export.js";
import { exportedRoundSchema } from "./team-export.js";

/**
 * The CSV form of an export: one tidy table a spreadsheet can pivot, one row per fact. `record` says which:
 * `round` (one per round), `level` (round x dimension, "overall" included), `answer` (attributed rounds:
 * person x question) and `evidence`. The team and model are in the file name and the JSON form.
 */
const COLUMNS = [
  "record",
  "round_id",
  "mode",
  "privacy",
  "opened_at",
  "closed_at",
  "respondents",
  "model_version",
  "profile",
  "dimension",
  "level",
  "person_id",
  "person_name",
  "question",
  "label",
  "answer",
  "url",
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return) as a formula: names and links
 * come from people, so such cells get a leading apostrophe, which the reader takes off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const defuse = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
const restore = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

function rowsOf(round: ExportedRound): Row[] {
  const id = { round_id: round.roundId };
  const snapshot = round.snapshot;
  return [
    {
      record: "round",
      ...id,
      mode: round.mode,
      privacy: round.privacy,
      opened_at: round.openedAt,
      closed_at: round.closedAt,
      respondents: String(round.respondents),
      ...(snapshot ? { model_version: snapshot.modelVersion, profile: String(snapshot.profile) } : {}),
    },
    ...(snapshot
      ? [
          { record: "level", ...id, dimension: "overall", level: String(snapshot.overall) },
          ...snapshot.dimensions.map((d) => ({
            record: "level",
            ...id,
            dimension: d.dimension,
            level: String(d.level),
          })),
        ]
      : []),
    ...(round.responses ?? []).flatMap((r) =>
      Object.entries(r.answers).map(([question, answer]) => ({
        record: "answer",
        ...id,
        mode: r.mode,
        model_version: r.modelVersion,
        person_id: r.person.id,
        ...(r.person.name ? { person_name: r.person.name } : {}),
        question,
        answer,
      })),
    ),
    ...round.evidence.map((e) => ({
      record: "evidence",
      ...id,
      question: e.question,
      label: e.label,
      answer: e.answer,
      url: e.url,
      ...(e.by ? { person_name: e.by } : {}),
    })),
  ];
}

export function exportToCsv(data: TeamExport): string {
  const rows = data.rounds.flatMap(rowsOf).map((row) => COLUMNS.map((c) => defuse(row[c] ?? "")));
  return stringify(rows, { header: true, columns: [...COLUMNS] });
}

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

import { stringify } from "csv-stringify/sync";
import type { TeamAction } from "../actions/action-state.js";
import type { ExportedRound, TeamExport } from "./team-export.js";

/**
 * The CSV form of an export: one tidy table a spreadsheet can pivot, one row per fact. `record` says which:
 * `round` (one per round), `level` (round x dimension, "overall" included), `answer` (attributed rounds:
 * person x question), `evidence` and `action` (an adopted next step: practice, title, owner, state, due). The team and model are in the file name and the JSON form.
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
  "due",
] as const;
export type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return) as a formula: names and links
 * come from people, so such cells get a leading apostrophe (a reader takes it off again: test/flows/csv-export-reader.ts).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
const defuse = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);

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

function actionRow(a: TeamAction): Row {
  return {
    record: "action",
    dimension: a.dimension,
    question: a.practiceId,
    label: a.title,
    answer: a.state,
    person_id: a.owner.id,
    ...(a.owner.name ? { person_name: a.owner.name } : {}),
    opened_at: a.adoptedAt,
    ...(a.closedAt ? { closed_at: a.closedAt } : {}),
    due: a.due,
  };
}

export function exportToCsv(data: TeamExport): string {
  const rows = [...data.rounds.flatMap(rowsOf), ...(data.actions ?? []).map(actionRow)].map((row) =>
    COLUMNS.map((c) => defuse(row[c] ?? "")),
  );
  return stringify(rows, { header: true, columns: [...COLUMNS] });
}

/** Percentiles of a sample, in the unit given. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

export interface Row {
  measure: string;
  ours: string;
  reference: string;
  ratio: string;
  goal: string;
}

export function printTable(rows: Row[]): void {
  const headers: Row = { measure: "measure", ours: "ours", reference: "reference", ratio: "ratio", goal: "goal" };
  const all = [headers, ...rows];
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row) => (Object.keys(headers) as (keyof Row)[]).map((k) => r[k].padEnd(width(k))).join(" | ");
  console.log(line(headers));
  console.log((Object.keys(headers) as (keyof Row)[]).map((k) => "-".repeat(width(k))).join("-|-"));
  for (const r of rows) console.log(line(r));
}

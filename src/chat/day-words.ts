/**
 * Dates as people read them anywhere: "5 Dec 2026", never "12/5/2026", whose order depends on the reader's country.
 * Days are UTC days, like the ISO dates the app stores and shows elsewhere (a round closed at 23:30 UTC is that
 * day's round in every channel).
 */
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Day, month and year of an ISO date or timestamp ("2026-12-05" or "2026-12-05T10:00:00Z"); undefined otherwise. */
export function dayParts(iso: string): { day: number; month: string; year: number } | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = date ? MONTHS[Number(date[2]) - 1] : undefined;
  return date && month ? { day: Number(date[3]), month, year: Number(date[1]) } : undefined;
}

/** "5 Dec 2026"; anything that is not an ISO date is left as it is. */
export function dayOf(iso: string): string {
  const parts = dayParts(iso);
  return parts ? `${parts.day} ${parts.month} ${parts.year}` : iso;
}

/** "1 Sep – 5 Dec 2026", the year said once when both ends share it; one day when they are the same. */
export function dayRange(first: string, last: string): string {
  const [from, to] = [dayParts(first), dayParts(last)];
  if (dayOf(first) === dayOf(last)) return dayOf(last);
  if (from && to && from.year === to.year) return `${from.day} ${from.month} – ${dayOf(last)}`;
  return `${dayOf(first)} – ${dayOf(last)}`;
}

/**
 * Text longer than the room it gets, cut with an ellipsis (names in titles, labels in charts), never between the
 * two halves of an emoji.
 */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** A text bar for a level 0-4, readable in any chat client and terminal: "███░" for level 3 of 4. */
export function levelBar(level: number, max = 4): string {
  const filled = Math.max(0, Math.min(max, Math.round(level)));
  return "█".repeat(filled * 2) + "░".repeat((max - filled) * 2);
}

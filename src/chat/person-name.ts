/**
 * A person as people read them: their name, or words when the platform sent none. An id ("U07ANN", "29:1f…")
 * means nothing to people, and a Slack id in text is a mention nobody asked for.
 */
export function personName(person: { id: string; name?: string | undefined }, unnamed = "someone"): string {
  return person.name ?? unnamed;
}

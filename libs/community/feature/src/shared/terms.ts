/** Free-text tags as members type them: trimmed, inner spaces collapsed, no blanks, no case-insensitive repeats. */
export function cleanTerms(terms: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/g, ' ');
    if (term !== '' && !byKey.has(term.toLowerCase())) byKey.set(term.toLowerCase(), term);
  }
  return [...byKey.values()];
}

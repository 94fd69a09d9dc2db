/** Case and surrounding spaces carry no meaning in a keyword; duplicates would inflate overlap. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const keyword of keywords) {
    const key = keyword.trim().toLowerCase();
    if (key !== '') {
      seen.add(key);
    }
  }
  return [...seen];
}

/** Jaccard index from set sizes; kept separate so the solver computes exactly the same number from ids. */
export function jaccardFromCounts(shared: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * How well a judge's interests match an entry's keywords, in [0, 1]: the Jaccard index of the two
 * normalised sets. Jaccard (rather than a raw overlap count) stops judges with very long interest lists
 * from looking like a good match for everything.
 */
export function keywordAffinity(entryKeywords: readonly string[], judgeInterests: readonly string[]): number {
  const a = normaliseKeywords(entryKeywords);
  const b = new Set(normaliseKeywords(judgeInterests));
  let shared = 0;
  for (const keyword of a) {
    if (b.has(keyword)) {
      shared += 1;
    }
  }
  return jaccardFromCounts(shared, a.length, b.size);
}

import { keywordAffinity, normaliseKeywords } from './keyword-affinity';

describe('keywordAffinity', () => {
  it('is the Jaccard index of the normalised sets', () => {
    // {a, b, c} ∩ {b, c, d} = 2, union = 4
    expect(keywordAffinity(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    // 1 shared of 1 + 5 − 1 = 5 distinct
    expect(keywordAffinity(['simulation'], ['simulation', 'ethics', 'surgery', 'ai', 'law'])).toBe(0.2);
    expect(keywordAffinity(['x'], ['y'])).toBe(0);
  });

  it('ignores case, surrounding spaces, blanks and duplicates', () => {
    expect(normaliseKeywords([' Cardiology', 'cardiology', '', '  ', 'AI '])).toEqual(['cardiology', 'ai']);
    expect(keywordAffinity(['Cardiology', 'cardiology '], ['CARDIOLOGY'])).toBe(1);
  });

  it('is 0 when either side has no keywords', () => {
    expect(keywordAffinity([], ['a'])).toBe(0);
    expect(keywordAffinity([], [])).toBe(0);
  });
});

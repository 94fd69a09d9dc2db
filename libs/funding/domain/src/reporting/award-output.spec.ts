import { FundingErrorCode } from '../funding.exception';
import { refusalOf } from '../testing/refusal';
import { normaliseDoi, validateOutput, validateProgressReport } from './award-output';

describe('award outputs', () => {
  it('normalises the ways people paste a DOI', () => {
    for (const input of [
      '10.1111/MEDU.12345',
      'doi:10.1111/medu.12345',
      'https://doi.org/10.1111/medu.12345',
      ' http://dx.doi.org/10.1111/medu.12345 ',
    ]) {
      expect(normaliseDoi(input)).toBe('10.1111/medu.12345');
    }
    expect(normaliseDoi('11.1111/x')).toBeNull();
    expect(normaliseDoi('10.11/x')).toBeNull();
    expect(normaliseDoi('https://example.org/paper')).toBeNull();
  });

  it('gives papers and datasets a DOI link and other outputs their https link', () => {
    expect(
      validateOutput({
        kind: 'PAPER',
        title: ' Protected time and research ',
        link: 'doi:10.1111/medu.12345',
      }),
    ).toEqual({
      kind: 'PAPER',
      title: 'Protected time and research',
      doi: '10.1111/medu.12345',
      url: 'https://doi.org/10.1111/medu.12345',
    });
    expect(
      validateOutput({ kind: 'POSTER', title: 'ASME poster', link: 'https://example.org/poster.pdf' }),
    ).toMatchObject({
      doi: null,
      url: 'https://example.org/poster.pdf',
    });
  });

  it('reports every problem with its field', () => {
    const error = refusalOf(() =>
      validateOutput({ kind: 'PAPER', title: '', link: 'https://example.org/not-a-doi' }),
    );
    expect(error.code).toBe(FundingErrorCode.INVALID_INPUT);
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['title', 'link']);
    expect(
      refusalOf(() => validateOutput({ kind: 'OTHER', title: 'x', link: 'http://example.org' })).message,
    ).toMatch(/link: must be an https/);
    expect(
      refusalOf(() => validateOutput({ kind: 'BLOG', title: 'x', link: 'https://example.org' })).message,
    ).toMatch(/kind: must be one of/);
  });
});

describe('progress reports', () => {
  it('need progress; problems and next steps may be empty', () => {
    expect(
      validateProgressReport({ progress: ' Recruited 40 ', problems: '', nextSteps: ' Analysis ' }),
    ).toEqual({
      progress: 'Recruited 40',
      problems: '',
      nextSteps: 'Analysis',
    });
    expect(
      refusalOf(() => validateProgressReport({ progress: ' ', problems: 'x'.repeat(10_001), nextSteps: '' }))
        .message,
    ).toBe('Invalid input: progress: must not be empty; problems: must be at most 10000 characters');
  });
});

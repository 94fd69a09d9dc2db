import { speakerDiversitySummary } from './speaker-diversity';

describe('speaker diversity, in aggregate only', () => {
  const speakers = [
    { gender: 'Woman', ethnicity: 'Black British' },
    { gender: 'woman ', ethnicity: 'White British' },
    { gender: 'WOMAN', ethnicity: null },
    { gender: 'Man', ethnicity: 'British Indian' },
    { gender: 'Man', ethnicity: undefined },
    { gender: 'man', ethnicity: '' },
    { gender: 'Non-binary', ethnicity: 'Black British' },
    { gender: null, ethnicity: 'Black  British' },
  ];

  it('counts self-described values case- and space-insensitively and names only groups of at least three', () => {
    const [gender, ethnicity] = speakerDiversitySummary(speakers, ['gender', 'ethnicity']);
    expect(gender).toEqual({
      field: 'gender',
      answered: 7,
      notStated: 1,
      groups: [
        { value: 'Man', count: 3 },
        { value: 'Woman', count: 3 },
      ],
      otherCount: 1,
      shown: true,
    });
    expect(ethnicity).toEqual({
      field: 'ethnicity',
      answered: 5,
      notStated: 3,
      groups: [{ value: 'Black British', count: 3 }],
      otherCount: 2,
      shown: true,
    });
  });

  it('shows nothing for a field too few speakers answered', () => {
    const [summary] = speakerDiversitySummary(
      [{ disability: 'Yes' }, { disability: 'No' }, {}],
      ['disability'],
    );
    expect(summary).toEqual({
      field: 'disability',
      answered: 2,
      notStated: 1,
      groups: [],
      otherCount: 0,
      shown: false,
    });
  });

  it('never names a value held by a single speaker, whatever the threshold', () => {
    for (const minimumCount of [2, 3, 5]) {
      const summaries = speakerDiversitySummary(speakers, ['gender', 'ethnicity'], minimumCount);
      for (const summary of summaries)
        for (const group of summary.groups) expect(group.count).toBeGreaterThanOrEqual(minimumCount);
    }
    expect(() => speakerDiversitySummary(speakers, ['gender'], 1)).toThrow(/minimumCount/);
  });
});

import { ProposalsErrorCode } from './proposals.exception';
import {
  assertValidScoreSheet,
  CriterionScore,
  rankEntries,
  RankingInput,
  SubmittedReview,
  validateScoreSheet,
  weightedTotal,
} from './ranking';
import { Rubric } from './rubric';

/**
 * total = (2·(orig − 1)/4 + 1·feas/10) / 3 × 100, so these sheets give round totals:
 *   orig 5, feas 10 → (2 + 1.0)/3 = 100     orig 5, feas 7 → (2 + 0.7)/3 = 90
 *   orig 5, feas 4  → (2 + 0.4)/3 = 80      orig 4, feas 3 → (1.5 + 0.3)/3 = 60
 *   orig 3, feas 5  → (1 + 0.5)/3 = 50      orig 3, feas 2 → (1 + 0.2)/3 = 40
 *   orig 1, feas 0  → 0
 */
const rubric: Rubric = {
  criteria: [
    { id: 'orig', name: 'Originality', weight: 2, scaleMin: 1, scaleMax: 5 },
    { id: 'feas', name: 'Feasibility', weight: 1, scaleMin: 0, scaleMax: 10 },
  ],
};

const sheetFor: Record<number, CriterionScore[]> = {
  100: [
    { criterionId: 'orig', value: 5 },
    { criterionId: 'feas', value: 10 },
  ],
  90: [
    { criterionId: 'orig', value: 5 },
    { criterionId: 'feas', value: 7 },
  ],
  80: [
    { criterionId: 'orig', value: 5 },
    { criterionId: 'feas', value: 4 },
  ],
  60: [
    { criterionId: 'orig', value: 4 },
    { criterionId: 'feas', value: 3 },
  ],
  50: [
    { criterionId: 'orig', value: 3 },
    { criterionId: 'feas', value: 5 },
  ],
  40: [
    { criterionId: 'orig', value: 3 },
    { criterionId: 'feas', value: 2 },
  ],
  0: [
    { criterionId: 'orig', value: 1 },
    { criterionId: 'feas', value: 0 },
  ],
};

function review(judgeId: string, entryId: string, total: number): SubmittedReview {
  return { judgeId, entryId, scores: sheetFor[total] };
}

describe('score sheets', () => {
  it('computes the weighted total on a 0–100 scale', () => {
    for (const [total, scores] of Object.entries(sheetFor)) {
      expect(weightedTotal(rubric, { scores })).toBeCloseTo(Number(total), 10);
    }
  });

  it('reports every problem, each with its own code', () => {
    const problems = validateScoreSheet(rubric, {
      scores: [
        { criterionId: 'orig', value: 6 },
        { criterionId: 'orig', value: 3 },
        { criterionId: 'novelty', value: 1 },
      ],
    });
    expect(problems).toEqual([
      {
        field: 'scores[0].value',
        rule: ProposalsErrorCode.SCORE_OUT_OF_RANGE,
        criterionId: 'orig',
        message: 'The score for "Originality" must be from 1 to 5 (got 6).',
      },
      {
        field: 'scores[1].criterionId',
        rule: ProposalsErrorCode.DUPLICATE_CRITERION_SCORE,
        criterionId: 'orig',
        message: '"Originality" is scored more than once; give exactly one score per criterion.',
      },
      {
        field: 'scores[2].criterionId',
        rule: ProposalsErrorCode.UNKNOWN_CRITERION,
        criterionId: 'novelty',
        message: 'scores[2].criterionId "novelty" is not a criterion of this competition\'s rubric.',
      },
      {
        field: 'scores',
        rule: ProposalsErrorCode.MISSING_CRITERION_SCORE,
        criterionId: 'feas',
        message: '"Feasibility" has no score; every criterion must be scored.',
      },
    ]);
  });

  it('throws the specific code when only one kind of rule is broken, INVALID_SCORE_SHEET for a mix', () => {
    const codeOf = (scores: CriterionScore[]): unknown => {
      try {
        assertValidScoreSheet(rubric, { scores });
      } catch (error) {
        return (error as { code: unknown }).code;
      }
      return 'valid';
    };
    expect(codeOf(sheetFor[60])).toBe('valid');
    expect(codeOf([{ criterionId: 'orig', value: 3 }])).toBe(ProposalsErrorCode.MISSING_CRITERION_SCORE);
    expect(
      codeOf([
        { criterionId: 'orig', value: 0 },
        { criterionId: 'feas', value: 11 },
      ]),
    ).toBe(ProposalsErrorCode.SCORE_OUT_OF_RANGE);
    expect(
      codeOf([
        { criterionId: 'orig', value: 3 },
        { criterionId: 'feas', value: 2.5 },
      ]),
    ).toBe(ProposalsErrorCode.SCORE_NOT_INTEGER);
    expect(codeOf([{ criterionId: 'orig', value: 9 }])).toBe(ProposalsErrorCode.INVALID_SCORE_SHEET);
  });
});

describe('rankEntries: hand-computed example', () => {
  const day = (d: number): Date => new Date(Date.UTC(2025, 2, d));
  const input: RankingInput = {
    rubric,
    winnersCount: 3,
    entries: [
      { entryId: 'E1', submittedAt: day(1) },
      { entryId: 'E2', submittedAt: day(2) },
      { entryId: 'E3', submittedAt: day(3) },
      { entryId: 'E4', submittedAt: day(4) },
      { entryId: 'E5', submittedAt: day(20) },
      { entryId: 'E6', submittedAt: day(5) },
      { entryId: 'E7', submittedAt: day(10) },
      { entryId: 'E8', submittedAt: day(6) },
    ],
    reviews: [
      // Judge A (harsh, wide): totals 100, 50, 0 → mean 50, population sd √(5000/3) = 40.8248…
      // z = ±50 / 40.8248 = ±1.224745 (= ±√1.5) and 0.
      review('A', 'E1', 100),
      review('A', 'E2', 50),
      review('A', 'E3', 0),
      // Judge B: totals 100, 80 → mean 90, sd 10 → z = +1, −1.
      review('B', 'E2', 100),
      review('B', 'E4', 80),
      // Judges C, E, F have one review each → z = 0.
      review('C', 'E5', 90),
      review('E', 'E7', 90),
      review('F', 'E8', 40),
      // Judge D gives 60 and 60 → no spread → z = 0 for both.
      review('D', 'E3', 60),
      review('D', 'E4', 60),
    ],
  };

  it('standardises each judge, averages per entry and ranks with the documented tie-breaks', () => {
    const result = rankEntries(input);
    const rows = result.ranking.map((row) => [
      row.rank,
      row.entryId,
      row.normalisedScore === null ? null : Number(row.normalisedScore.toFixed(6)),
      row.meanRawTotal === null ? null : Number(row.meanRawTotal.toFixed(6)),
      row.reviewCount,
      row.isWinner,
    ]);
    expect(rows).toEqual([
      // E1: z 1.224745 only.
      [1, 'E1', 1.224745, 100, 1, true],
      // E2: (0 + 1) / 2 = 0.5; raw (50 + 100) / 2 = 75.
      [2, 'E2', 0.5, 75, 2, true],
      // E5, E7, E8 all have z 0. E5 and E7 tie on raw 90 too; E7 was submitted earlier (10th vs 20th).
      [3, 'E7', 0, 90, 1, true],
      [4, 'E5', 0, 90, 1, false],
      [5, 'E8', 0, 40, 1, false],
      // E4: (−1 + 0) / 2 = −0.5; raw (80 + 60) / 2 = 70.
      [6, 'E4', -0.5, 70, 2, false],
      // E3: (−1.224745 + 0) / 2 = −0.612372; raw (0 + 60) / 2 = 30.
      [7, 'E3', -0.612372, 30, 2, false],
      // No reviews: last.
      [8, 'E6', null, null, 0, false],
    ]);
    expect(result.winners).toEqual(['E1', 'E2', 'E7']);
    const zOf = (judgeId: string, entryId: string): number =>
      result.reviews.find((r) => r.judgeId === judgeId && r.entryId === entryId)?.zScore ?? Number.NaN;
    expect(zOf('A', 'E1')).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(zOf('A', 'E2')).toBeCloseTo(0, 12);
    expect(zOf('B', 'E4')).toBeCloseTo(-1, 12);
    expect(zOf('D', 'E3')).toBe(0);
    expect(zOf('C', 'E5')).toBe(0);
  });

  it('never lets an unreviewed entry win, even when more winners are asked for', () => {
    const result = rankEntries({ ...input, winnersCount: 10 });
    expect(result.winners).toEqual(['E1', 'E2', 'E7', 'E5', 'E8', 'E4', 'E3']);
    expect(result.ranking.find((row) => row.entryId === 'E6')?.isWinner).toBe(false);
  });

  it('refuses inconsistent input, listing every problem', () => {
    expect(() =>
      rankEntries({
        ...input,
        winnersCount: -1,
        reviews: [
          ...input.reviews,
          review('A', 'E1', 60),
          review('Z', 'E99', 60),
          { judgeId: 'Q', entryId: 'E6', scores: [{ criterionId: 'orig', value: 7 }] },
        ],
      }),
    ).toThrow(
      expect.objectContaining({
        code: ProposalsErrorCode.INVALID_RANKING_INPUT,
        details: {
          problems: [
            expect.objectContaining({ field: 'winnersCount' }),
            expect.objectContaining({ field: 'reviews[10]', rule: 'UNIQUE' }),
            expect.objectContaining({ field: 'reviews[11].entryId', rule: 'KNOWN_ENTRY' }),
            expect.objectContaining({
              field: 'reviews[12].scores[0].value',
              rule: ProposalsErrorCode.SCORE_OUT_OF_RANGE,
            }),
            expect.objectContaining({
              field: 'reviews[12].scores',
              rule: ProposalsErrorCode.MISSING_CRITERION_SCORE,
            }),
          ],
        },
      }),
    );
  });
});

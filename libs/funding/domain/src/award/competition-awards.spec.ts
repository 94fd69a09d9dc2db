import { FundingErrorCode } from '../funding.exception';
import { money } from '../money/money';
import {
  competitionResultsFromV1,
  competitionResultsFromV2,
  shareCompetitionFunding,
  type CompetitionResults,
  type CompetitionResultsV1,
} from './competition-awards';

const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function v1(fundingAvailable: number | null, requested: number[]): CompetitionResultsV1 {
  return {
    competitionId: ids(99),
    title: 'Medical education research prize',
    publishedAt: '2026-02-01T12:00:00Z',
    fundingAvailable,
    protectedHoursAvailable: null,
    entries: 12,
    winners: requested.map((requestedFunding, index) => ({
      proposalId: ids(index + 1),
      rank: index + 1,
      title: `Entry ${index + 1}`,
      keywords: [],
      leadApplicantId: ids(100 + index),
      teamMemberIds: [ids(100 + index)],
      institutionIds: [ids(200)],
      requestedFunding,
      requestedHours: 40,
      normalisedScore: 1,
      meanRawScore: 8,
    })),
  };
}

describe('sharing competition funding between winners', () => {
  it('funds every winner in full when the pot covers them', () => {
    const shares = shareCompetitionFunding(competitionResultsFromV1(v1(10000, [4000, 5000]), 'GBP'));
    expect(shares.map((share) => [share.amount.amountMinor, share.outcome, share.cappedReason])).toEqual([
      [400000, 'FULL', null],
      [500000, 'FULL', null],
    ]);
    expect(shares[0]).toMatchObject({ principalInvestigatorId: ids(100), requestedHours: 40 });
  });

  it('funds in rank order and caps the first winner who does not fit, with the reason', () => {
    const shares = shareCompetitionFunding(competitionResultsFromV1(v1(10000, [6000, 5000, 3000]), 'GBP'));
    expect(shares.map((share) => [share.rank, share.amount.amountMinor, share.outcome])).toEqual([
      [1, 600000, 'FULL'],
      [2, 400000, 'CAPPED'],
      [3, 0, 'NOTHING_LEFT'],
    ]);
    expect(shares[1].cappedReason).toBe(
      'Requested £5,000.00; the competition had £10,000.00 available and £4,000.00 remained after higher-ranked winners',
    );
    expect(shares[2].cappedReason).toMatch(/£0.00 remained/);
  });

  it('sorts by rank (then proposal id) whatever order the event lists winners in', () => {
    const results = competitionResultsFromV1(v1(7000, [6000, 5000]), 'GBP');
    const reversed: CompetitionResults = { ...results, winners: [...results.winners].reverse() };
    expect(shareCompetitionFunding(reversed)).toEqual(shareCompetitionFunding(results));
  });

  it('gives everyone their request when the competition set no ceiling', () => {
    const shares = shareCompetitionFunding(competitionResultsFromV1(v1(null, [6000, 5000]), 'GBP'));
    expect(shares.every((share) => share.outcome === 'FULL')).toBe(true);
  });

  it('reads v1 numbers and v2 Money to the same shares', () => {
    const fromV1 = competitionResultsFromV1(v1(10000.5, [6000.25, 5000]), 'gbp');
    const payload = v1(0, [0]);
    const fromV2 = competitionResultsFromV2(
      {
        competitionId: payload.competitionId,
        fundingAvailable: { amountMinor: 1000050, currency: 'GBP' },
        winners: fromV1.winners.map((winner) => ({
          ...winner,
          requestedFunding: { amountMinor: winner.requestedFunding.amountMinor, currency: 'GBP' },
        })),
      },
      'EUR',
    );
    expect(fromV2).toEqual(fromV1);
    expect(shareCompetitionFunding(fromV2)).toEqual(shareCompetitionFunding(fromV1));
    expect(fromV1.fundingAvailable).toEqual(money(1000050, 'GBP'));
  });

  it('refuses a v2 event whose winners ask in another currency than the competition', () => {
    const results = competitionResultsFromV1(v1(100, [10]), 'GBP');
    expect(() =>
      competitionResultsFromV2(
        {
          competitionId: results.competitionId,
          fundingAvailable: { amountMinor: 10000, currency: 'GBP' },
          winners: results.winners.map((winner) => ({
            ...winner,
            requestedFunding: { amountMinor: 1000, currency: 'EUR' },
          })),
        },
        'GBP',
      ),
    ).toThrow(expect.objectContaining({ code: FundingErrorCode.CURRENCY_MISMATCH }));
  });

  it('uses the configured default currency for a v2 event with no amounts at all', () => {
    expect(
      competitionResultsFromV2({ competitionId: ids(1), fundingAvailable: null, winners: [] }, 'EUR')
        .currency,
    ).toBe('EUR');
  });
});

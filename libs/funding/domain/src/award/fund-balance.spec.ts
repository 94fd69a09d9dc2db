import { FundingErrorCode } from '../funding.exception';
import { money } from '../money/money';
import { assertFundCanAbsorb, awardClaim, fundBalance, type AwardClaimInput } from './fund-balance';

const gbp = (minor: number) => money(minor, 'GBP');
const award = (overrides: Partial<AwardClaimInput>): AwardClaimInput => ({
  status: 'ACTIVE',
  amount: gbp(1000),
  committed: gbp(0),
  paid: gbp(0),
  ...overrides,
});

describe('fund balance', () => {
  it('holds a live award whole, even before it spends, and releases what a finished one did not pay', () => {
    expect(awardClaim(award({ status: 'OFFERED' }))).toEqual(gbp(1000));
    expect(awardClaim(award({ committed: gbp(200), paid: gbp(300) }))).toEqual(gbp(1000));
    expect(awardClaim(award({ status: 'CLOSED', committed: gbp(200), paid: gbp(300) }))).toEqual(gbp(300));
    expect(awardClaim(award({ status: 'DECLINED' }))).toEqual(gbp(0));
  });

  it('grows the claim when an overridden ledger passes the award amount', () => {
    expect(awardClaim(award({ committed: gbp(300), paid: gbp(900) }))).toEqual(gbp(1200));
  });

  it('reports total, committed, paid and available that add up', () => {
    const balance = fundBalance(gbp(5000), [
      award({ paid: gbp(400), committed: gbp(100) }),
      award({ status: 'CANCELLED', paid: gbp(250) }),
      award({ status: 'OFFERED', amount: gbp(2000) }),
    ]);
    expect(balance).toEqual({ total: gbp(5000), committed: gbp(2600), paid: gbp(650), available: gbp(1750) });
    expect(balance.committed.amountMinor + balance.paid.amountMinor + balance.available.amountMinor).toBe(
      balance.total.amountMinor,
    );
  });

  it('refuses anything that would take the fund below zero, with the figures', () => {
    const balance = fundBalance(gbp(1500), [award({})]);
    expect(() => assertFundCanAbsorb(balance, gbp(500))).not.toThrow();
    try {
      assertFundCanAbsorb(balance, gbp(501), 'This award');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toMatchObject({
        code: FundingErrorCode.FUND_LIMIT_EXCEEDED,
        details: { requested: gbp(501), available: gbp(500), total: gbp(1500) },
      });
      expect((error as Error).message).toBe(
        'This award needs £5.01 from the fund but only £5.00 is available (total £15.00, committed £10.00, paid £0.00)',
      );
    }
  });
});

import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { formatMoney, maxMoney, money, sumMoney, subtractMoney, type Money } from '../money/money';
import { type CurrencyCode } from '../money/currency';
import { isLiveAward, type AwardStatus } from './award-status';

/** What one award means to its fund: its promised amount, status and ledger totals. */
export interface AwardClaimInput {
  readonly status: AwardStatus;
  readonly amount: Money;
  /** Open commitments on the award's ledger (raised and not yet settled by payments). */
  readonly committed: Money;
  readonly paid: Money;
}

export interface FundBalance {
  readonly total: Money;
  /** Promised and not yet paid: live awards' unspent amounts, or their open commitments if those are larger. */
  readonly committed: Money;
  readonly paid: Money;
  /** total − committed − paid; never negative, because every operation that would make it so is refused. */
  readonly available: Money;
}

/**
 * An award's claim on its fund. A live award (offered, accepted, active) holds its whole amount, even before
 * any spend, so two awards can never promise the same pound; if an overridden line takes its ledger past the
 * award, the claim grows with it. A declined, cancelled or closed award gives back everything it did not pay.
 */
export function awardClaim(award: AwardClaimInput): Money {
  if (!isLiveAward(award.status)) return award.paid;
  const used = money(award.committed.amountMinor + award.paid.amountMinor, award.amount.currency);
  return maxMoney(award.amount, used);
}

export function fundBalance(total: Money, awards: readonly AwardClaimInput[]): FundBalance {
  const currency: CurrencyCode = total.currency;
  const claims = sumMoney(awards.map(awardClaim), currency);
  const paid = sumMoney(
    awards.map((award) => award.paid),
    currency,
  );
  return {
    total,
    committed: subtractMoney(claims, paid),
    paid,
    available: subtractMoney(total, claims),
  };
}

/**
 * A fund never goes negative, and unlike a budget line no override lifts that: an override moves money between
 * an award's lines, it cannot create money the funder does not have.
 */
export function assertFundCanAbsorb(balance: FundBalance, extraClaim: Money, what = 'This'): void {
  if (extraClaim.amountMinor > balance.available.amountMinor) {
    throw new FundingDomainError(
      FundingErrorCode.FUND_LIMIT_EXCEEDED,
      `${what} needs ${formatMoney(extraClaim)} from the fund but only ${formatMoney(balance.available)} is available ` +
        `(total ${formatMoney(balance.total)}, committed ${formatMoney(balance.committed)}, paid ${formatMoney(balance.paid)})`,
      {
        requested: extraClaim,
        available: balance.available,
        total: balance.total,
        committed: balance.committed,
        paid: balance.paid,
      },
    );
  }
}

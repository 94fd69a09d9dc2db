import { type CompetitionResultsPublishedV1, type PayloadOf } from '@praxis/contracts';
import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { parseCurrencyCode, type CurrencyCode } from '../money/currency';
import {
  formatMoney,
  minMoney,
  money,
  moneyFromMajorUnits,
  subtractMoney,
  zeroMoney,
  type Money,
} from '../money/money';

/** One winner as funding needs it, whichever version of the results event it came from. */
export interface CompetitionWinner {
  readonly proposalId: string;
  readonly rank: number;
  readonly leadApplicantId: string;
  readonly teamMemberIds: readonly string[];
  readonly institutionIds: readonly string[];
  readonly requestedFunding: Money;
  readonly requestedHours: number;
}

export interface CompetitionResults {
  readonly competitionId: string;
  readonly currency: CurrencyCode;
  /** `null`: the competition set no ceiling, so every winner gets what they asked for. */
  readonly fundingAvailable: Money | null;
  readonly winners: readonly CompetitionWinner[];
}

/**
 * The v2 shape this adapter reads: the money fields of v1 become Money. Declared structurally here (not imported)
 * so funding can be built before proposals publishes v2; the contract is the source of truth once it exists.
 */
export interface CompetitionResultsV2Like {
  readonly competitionId: string;
  readonly fundingAvailable: { readonly amountMinor: number; readonly currency: string } | null;
  readonly winners: ReadonlyArray<
    Omit<CompetitionWinner, 'requestedFunding'> & {
      readonly requestedFunding: { readonly amountMinor: number; readonly currency: string };
    }
  >;
}

export type CompetitionResultsV1 = PayloadOf<typeof CompetitionResultsPublishedV1>;

/**
 * v1 amounts are plain numbers in major units with no currency; the currency is the configured default
 * (competitions had none before v2). Rounded to the minor unit because v1 never promised a decimal precision.
 */
export function competitionResultsFromV1(
  payload: CompetitionResultsV1,
  currency: string,
): CompetitionResults {
  const code = parseCurrencyCode(currency);
  const toMoney = (value: number, field: string): Money =>
    moneyFromMajorUnits(value, code, { rounding: 'HALF_AWAY_FROM_ZERO', field });
  return {
    competitionId: payload.competitionId,
    currency: code,
    fundingAvailable:
      payload.fundingAvailable === null ? null : toMoney(payload.fundingAvailable, 'fundingAvailable'),
    winners: payload.winners.map((winner, index) => ({
      proposalId: winner.proposalId,
      rank: winner.rank,
      leadApplicantId: winner.leadApplicantId,
      teamMemberIds: winner.teamMemberIds,
      institutionIds: winner.institutionIds,
      requestedFunding: toMoney(winner.requestedFunding, `winners[${index}].requestedFunding`),
      requestedHours: winner.requestedHours,
    })),
  };
}

/** v2 carries Money; every amount must be in one currency (the competition's), else the event is poison. */
export function competitionResultsFromV2(
  payload: CompetitionResultsV2Like,
  defaultCurrency: string,
): CompetitionResults {
  const fundingAvailable =
    payload.fundingAvailable === null
      ? null
      : money(payload.fundingAvailable.amountMinor, payload.fundingAvailable.currency, 'fundingAvailable');
  const winners = payload.winners.map((winner, index) => ({
    ...winner,
    requestedFunding: money(
      winner.requestedFunding.amountMinor,
      winner.requestedFunding.currency,
      `winners[${index}].requestedFunding`,
    ),
  }));
  const currency =
    fundingAvailable?.currency ?? winners[0]?.requestedFunding.currency ?? parseCurrencyCode(defaultCurrency);
  winners.forEach((winner, index) => {
    if (winner.requestedFunding.currency !== currency) {
      throw new FundingDomainError(
        FundingErrorCode.CURRENCY_MISMATCH,
        `winners[${index}].requestedFunding is in ${winner.requestedFunding.currency} but the competition is in ${currency}`,
        {
          left: currency,
          right: winner.requestedFunding.currency,
          field: `winners[${index}].requestedFunding`,
        },
      );
    }
  });
  return { competitionId: payload.competitionId, currency, fundingAvailable, winners };
}

export type AwardShareOutcome = 'FULL' | 'CAPPED' | 'NOTHING_LEFT';

export interface AwardShare {
  readonly proposalId: string;
  readonly rank: number;
  readonly principalInvestigatorId: string;
  readonly teamMemberIds: readonly string[];
  readonly requested: Money;
  readonly amount: Money;
  readonly outcome: AwardShareOutcome;
  /** Shown to the PI and admins when the award is less than asked; `null` when in full. */
  readonly cappedReason: string | null;
  readonly requestedHours: number;
}

/**
 * Winners in rank order each take what they asked for from what the competition had available, until it runs
 * out: the higher-ranked winner is funded in full before the next gets anything (the panel's ranking is the
 * priority), and the first winner who does not fit gets the remainder. Equal ranks are ordered by proposal id so
 * a redelivered event shares identically. A `NOTHING_LEFT` share has amount zero: the service offers no award
 * for it but keeps the reason.
 */
export function shareCompetitionFunding(results: CompetitionResults): AwardShare[] {
  const winners = [...results.winners].sort(
    (a, b) => a.rank - b.rank || (a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0),
  );
  let remaining = results.fundingAvailable;
  const shares: AwardShare[] = [];
  for (const winner of winners) {
    const requested = winner.requestedFunding;
    const base = {
      proposalId: winner.proposalId,
      rank: winner.rank,
      principalInvestigatorId: winner.leadApplicantId,
      teamMemberIds: winner.teamMemberIds,
      requested,
      requestedHours: winner.requestedHours,
    };
    if (remaining === null) {
      shares.push({ ...base, amount: requested, outcome: 'FULL', cappedReason: null });
      continue;
    }
    const amount = minMoney(requested, remaining);
    const available = results.fundingAvailable ?? zeroMoney(results.currency);
    const outcome: AwardShareOutcome =
      amount.amountMinor === requested.amountMinor
        ? 'FULL'
        : amount.amountMinor === 0
          ? 'NOTHING_LEFT'
          : 'CAPPED';
    const cappedReason =
      outcome === 'FULL'
        ? null
        : `Requested ${formatMoney(requested)}; the competition had ${formatMoney(available)} available and ` +
          `${formatMoney(remaining)} remained after higher-ranked winners`;
    shares.push({ ...base, amount, outcome, cappedReason });
    remaining = subtractMoney(remaining, amount);
  }
  return shares;
}

import { type BudgetLine } from '../award/budget-line';
import { daysInclusive, toEpochDay, type IsoDay } from '../calendar/iso-day';
import { type CurrencyCode } from '../money/currency';
import { money, sumMoney, type Money } from '../money/money';
import { awardLedgerFigures, type LineFigures, type SpendEntry } from './spend-ledger';

export type BurnStatus = 'NOT_STARTED' | 'UNDERSPENDING' | 'ON_TRACK' | 'OVERSPENDING';

export interface BurnRate {
  /** Share of the award period elapsed, 0..1 (days, inclusive of today). */
  readonly elapsedShare: number;
  /** Share of the budget paid so far (commitments are promises, not burn). */
  readonly spentShare: number;
  /** spentShare ÷ elapsedShare: 1 is exactly on pace; `null` before the period starts. */
  readonly ratio: number | null;
  /** What will have been paid by the end at the current pace (rounded down to a minor unit). */
  readonly projectedAtEnd: Money | null;
  readonly status: BurnStatus;
}

export interface BudgetView {
  readonly lines: readonly LineFigures[];
  readonly budgeted: Money;
  readonly committed: Money;
  readonly paid: Money;
  readonly remaining: Money;
  readonly burn: BurnRate;
}

/** ±20 % of pace counts as on track: grant spend is lumpy (a conference, an equipment purchase). */
export const DEFAULT_BURN_TOLERANCE = 0.2;

export function burnRate(
  budgeted: Money,
  paid: Money,
  period: { readonly start: IsoDay; readonly end: IsoDay },
  today: IsoDay,
  tolerance = DEFAULT_BURN_TOLERANCE,
): BurnRate {
  const totalDays = daysInclusive(period.start, period.end);
  const elapsedDays = Math.min(totalDays, daysInclusive(period.start, today));
  const spentShare = budgeted.amountMinor === 0 ? 0 : paid.amountMinor / budgeted.amountMinor;
  if (elapsedDays === 0 || toEpochDay(today) < toEpochDay(period.start)) {
    return { elapsedShare: 0, spentShare, ratio: null, projectedAtEnd: null, status: 'NOT_STARTED' };
  }
  const elapsedShare = elapsedDays / totalDays;
  const ratio = spentShare / elapsedShare;
  const projectedAtEnd = money(Math.floor((paid.amountMinor * totalDays) / elapsedDays), paid.currency);
  const status: BurnStatus =
    ratio < 1 - tolerance ? 'UNDERSPENDING' : ratio > 1 + tolerance ? 'OVERSPENDING' : 'ON_TRACK';
  return { elapsedShare, spentShare, ratio, projectedAtEnd, status };
}

/** Per line budgeted, committed, paid and remaining, their totals, and the burn rate against elapsed time. */
export function budgetView(
  lines: readonly BudgetLine[],
  entries: readonly SpendEntry[],
  currency: CurrencyCode,
  period: { readonly start: IsoDay; readonly end: IsoDay },
  today: IsoDay,
): BudgetView {
  const figures = awardLedgerFigures(lines, entries, currency);
  const budgeted = sumMoney(
    lines.map((line) => line.budgeted),
    currency,
  );
  return {
    lines: figures.lines,
    budgeted,
    committed: figures.committed,
    paid: figures.paid,
    remaining: money(
      budgeted.amountMinor - figures.committed.amountMinor - figures.paid.amountMinor,
      currency,
    ),
    burn: burnRate(budgeted, figures.paid, period, today),
  };
}

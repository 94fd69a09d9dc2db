import { SPEND_KINDS } from '@praxis/contracts';
import { type AwardStatus } from '../award/award-status';
import { findBudgetLine, isBudgetCategory, type BudgetCategory, type BudgetLine } from '../award/budget-line';
import { assertFundCanAbsorb, awardClaim, type FundBalance } from '../award/fund-balance';
import { isIsoDay, toEpochDay, type IsoDay } from '../calendar/iso-day';
import { FundingDomainError, FundingErrorCode, throwIfInvalid, type FieldError } from '../funding.exception';
import { type CurrencyCode } from '../money/currency';
import { formatMoney, money, subtractMoney, zeroMoney, type Money } from '../money/money';

// the closed list travels on funding's events, so the contracts hold it
export { SPEND_KINDS } from '@praxis/contracts';
export type SpendKind = (typeof SPEND_KINDS)[number];

export const SPEND_DESCRIPTION_MAX_LENGTH = 500;
export const SPEND_REFERENCE_MAX_LENGTH = 100;
export const OVERRIDE_REASON_MAX_LENGTH = 500;

/**
 * One row of the append-only ledger. Nothing is ever edited: a mistake is undone by a reversal, a new entry with
 * the negated amount pointing at the one it reverses. A payment whose `reference` (purchase order, invoice)
 * matches a commitment's on the same line settles that commitment, so a commitment followed by its payment is
 * counted once, not twice.
 */
export interface SpendEntry {
  readonly id: string;
  readonly budgetLine: BudgetCategory;
  readonly kind: SpendKind;
  /** Positive for a spend, negative for a reversal. */
  readonly amount: Money;
  readonly date: IsoDay;
  readonly reference: string | null;
  readonly reversesEntryId: string | null;
  /** Set when an admin took the line past its budget; the reason is part of the record. */
  readonly overrideReason: string | null;
}

export interface SpendInput {
  readonly budgetLine: string;
  readonly kind: string;
  readonly amount: Money;
  readonly date: string;
  readonly description: string;
  readonly reference?: string | null;
  readonly override?: { readonly reason: string } | null;
}

export interface LineFigures {
  readonly category: BudgetCategory;
  readonly budgeted: Money;
  /** Commitments not yet settled by a payment with the same reference. */
  readonly committed: Money;
  readonly paid: Money;
  /** budgeted − committed − paid; negative only after an override. */
  readonly remaining: Money;
}

/** Figures of one budget line from its entries (entries of other lines are ignored). */
export function lineFigures(line: BudgetLine, entries: readonly SpendEntry[]): LineFigures {
  const currency = line.budgeted.currency;
  let paid = 0;
  // Per settlement key: commitments raised and payments made against them. Unreferenced commitments stay open
  // until reversed, so each gets its own key.
  const commitments = new Map<string, { committed: number; paid: number }>();
  const keyOf = (entry: SpendEntry, originalId: string): string =>
    entry.reference === null ? `entry:${originalId}` : `ref:${entry.reference}`;
  for (const entry of entries) {
    if (entry.budgetLine !== line.category) continue;
    const key = keyOf(entry, entry.reversesEntryId ?? entry.id);
    const bucket = commitments.get(key) ?? { committed: 0, paid: 0 };
    if (entry.kind === 'PAYMENT') {
      paid += entry.amount.amountMinor;
      bucket.paid += entry.amount.amountMinor;
    } else {
      bucket.committed += entry.amount.amountMinor;
    }
    commitments.set(key, bucket);
  }
  let committed = 0;
  for (const bucket of commitments.values()) committed += Math.max(0, bucket.committed - bucket.paid);
  const committedMoney = money(committed, currency);
  const paidMoney = money(paid, currency);
  return {
    category: line.category,
    budgeted: line.budgeted,
    committed: committedMoney,
    paid: paidMoney,
    remaining: money(line.budgeted.amountMinor - committed - paid, currency),
  };
}

export interface AwardLedgerFigures {
  readonly lines: readonly LineFigures[];
  readonly committed: Money;
  readonly paid: Money;
}

export function awardLedgerFigures(
  lines: readonly BudgetLine[],
  entries: readonly SpendEntry[],
  currency: CurrencyCode,
): AwardLedgerFigures {
  const figures = lines.map((line) => lineFigures(line, entries));
  return {
    lines: figures,
    committed: money(
      figures.reduce((sum, line) => sum + line.committed.amountMinor, 0),
      currency,
    ),
    paid: money(
      figures.reduce((sum, line) => sum + line.paid.amountMinor, 0),
      currency,
    ),
  };
}

export interface AwardForSpend {
  readonly id: string;
  readonly status: AwardStatus;
  readonly amount: Money;
  readonly budgetLines: readonly BudgetLine[];
}

export interface SpendDecision {
  /** The entry to append (without id: the service assigns it). */
  readonly entry: Omit<SpendEntry, 'id'>;
  readonly lineBefore: LineFigures;
  readonly lineAfter: LineFigures;
  /** How much more the award now claims from its fund (zero when the spend stays within the award). */
  readonly extraFundClaim: Money;
  readonly overridden: boolean;
}

function spendInputProblems(award: AwardForSpend, input: SpendInput, today: IsoDay): FieldError[] {
  const errors: FieldError[] = [];
  if (!isBudgetCategory(input.budgetLine)) {
    errors.push({ field: 'budgetLine', message: 'must be a budget category' });
  }
  if (!(SPEND_KINDS as readonly string[]).includes(input.kind)) {
    errors.push({ field: 'kind', message: `must be one of ${SPEND_KINDS.join(', ')}` });
  }
  if (input.amount.currency !== award.amount.currency) {
    errors.push({
      field: 'amount.currency',
      message: `must be the award's currency ${award.amount.currency} (got ${input.amount.currency})`,
    });
  } else if (input.amount.amountMinor <= 0) {
    errors.push({ field: 'amount', message: 'must be more than zero (undo a spend with a reversal)' });
  }
  if (!isIsoDay(input.date)) {
    errors.push({ field: 'date', message: 'must be a calendar date YYYY-MM-DD' });
  } else if (toEpochDay(input.date) > toEpochDay(today)) {
    errors.push({
      field: 'date',
      message: `must not be after today (${today}): the ledger records what happened`,
    });
  }
  const description = input.description.trim();
  if (description.length === 0 || description.length > SPEND_DESCRIPTION_MAX_LENGTH) {
    errors.push({ field: 'description', message: `must be 1 to ${SPEND_DESCRIPTION_MAX_LENGTH} characters` });
  }
  if ((input.reference?.trim().length ?? 0) > SPEND_REFERENCE_MAX_LENGTH) {
    errors.push({ field: 'reference', message: `must be at most ${SPEND_REFERENCE_MAX_LENGTH} characters` });
  }
  if (input.override !== undefined && input.override !== null) {
    const reason = input.override.reason.trim();
    if (reason.length === 0 || reason.length > OVERRIDE_REASON_MAX_LENGTH) {
      errors.push({
        field: 'override.reason',
        message: `must be 1 to ${OVERRIDE_REASON_MAX_LENGTH} characters`,
      });
    }
  }
  return errors;
}

/**
 * Decides one spend against the award's ledger and the fund: validates it, refuses it when it would take the
 * line past its budget (unless overridden with a reason) or the fund below zero (never overridable), and returns
 * the entry to append with the figures before and after. The service runs this inside the transaction that
 * holds the line's row lock, so the figures it sees are the ones it writes against.
 */
export function decideSpend(
  award: AwardForSpend,
  entries: readonly SpendEntry[],
  fund: FundBalance,
  input: SpendInput,
  today: IsoDay,
): SpendDecision {
  if (award.status !== 'ACTIVE') {
    throw new FundingDomainError(
      FundingErrorCode.AWARD_NOT_ACTIVE,
      `Spend can be recorded only on an ACTIVE award (this one is ${award.status})`,
      { awardId: award.id, status: award.status },
    );
  }
  throwIfInvalid(spendInputProblems(award, input, today));
  const line = findBudgetLine(award.budgetLines, input.budgetLine as BudgetCategory);
  const reference = input.reference?.trim() || null;
  const overrideReason = input.override?.reason.trim() || null;
  const entry: Omit<SpendEntry, 'id'> = {
    budgetLine: line.category,
    kind: input.kind as SpendKind,
    amount: input.amount,
    date: input.date,
    reference,
    reversesEntryId: null,
    overrideReason,
  };
  const lineBefore = lineFigures(line, entries);
  const lineAfter = lineFigures(line, [...entries, { ...entry, id: '\u0000candidate' }]);
  const usedAfter = lineAfter.committed.amountMinor + lineAfter.paid.amountMinor;
  const lineExceeded =
    usedAfter > line.budgeted.amountMinor &&
    lineAfter.remaining.amountMinor < lineBefore.remaining.amountMinor;
  if (lineExceeded && overrideReason === null) {
    const used = money(
      lineBefore.committed.amountMinor + lineBefore.paid.amountMinor,
      line.budgeted.currency,
    );
    throw new FundingDomainError(
      FundingErrorCode.BUDGET_LINE_LIMIT_EXCEEDED,
      `${line.category}: ${formatMoney(input.amount)} would exceed the line's budget of ${formatMoney(line.budgeted)} ` +
        `(already committed ${formatMoney(lineBefore.committed)}, paid ${formatMoney(lineBefore.paid)}, ` +
        `remaining ${formatMoney(lineBefore.remaining)})`,
      {
        budgetLine: line.category,
        requested: input.amount,
        budgeted: line.budgeted,
        committed: lineBefore.committed,
        paid: lineBefore.paid,
        used,
        remaining: lineBefore.remaining,
      },
    );
  }
  const currency = award.amount.currency;
  const claimOf = (list: readonly SpendEntry[]): Money => {
    const figures = awardLedgerFigures(award.budgetLines, list, currency);
    return awardClaim({
      status: award.status,
      amount: award.amount,
      committed: figures.committed,
      paid: figures.paid,
    });
  };
  const extraFundClaim = subtractMoney(
    claimOf([...entries, { ...entry, id: '\u0000candidate' }]),
    claimOf(entries),
  );
  if (extraFundClaim.amountMinor > 0) assertFundCanAbsorb(fund, extraFundClaim, 'This spend');
  return {
    entry,
    lineBefore,
    lineAfter,
    extraFundClaim: extraFundClaim.amountMinor > 0 ? extraFundClaim : zeroMoney(currency),
    overridden: lineExceeded,
  };
}

/**
 * The reversal of an entry: same line, kind and reference, negated amount. A reversal is itself final (reversing
 * it again would be "re-recording", which is a new spend with its own checks), and an entry is reversed once.
 */
export function reversalOf(
  target: SpendEntry,
  entries: readonly SpendEntry[],
  reason: string,
  today: IsoDay,
): Omit<SpendEntry, 'id'> {
  const trimmed = reason.trim();
  throwIfInvalid(
    trimmed.length === 0 || trimmed.length > OVERRIDE_REASON_MAX_LENGTH
      ? [{ field: 'reason', message: `must be 1 to ${OVERRIDE_REASON_MAX_LENGTH} characters` }]
      : [],
  );
  if (target.reversesEntryId !== null) {
    throw new FundingDomainError(
      FundingErrorCode.ENTRY_NOT_REVERSIBLE,
      'A reversal cannot itself be reversed; record a new spend instead',
      { entryId: target.id },
    );
  }
  const existing = entries.find((entry) => entry.reversesEntryId === target.id);
  if (existing !== undefined) {
    throw new FundingDomainError(FundingErrorCode.ALREADY_REVERSED, 'This entry has already been reversed', {
      entryId: target.id,
      reversalId: existing.id,
    });
  }
  return {
    budgetLine: target.budgetLine,
    kind: target.kind,
    amount: money(-target.amount.amountMinor, target.amount.currency),
    date: today,
    reference: target.reference,
    reversesEntryId: target.id,
    overrideReason: null,
  };
}

import { BUDGET_CATEGORIES } from '@praxis/contracts';
import { FundingDomainError, FundingErrorCode, throwIfInvalid, type FieldError } from '../funding.exception';
import { type CurrencyCode } from '../money/currency';
import { sumMoney, type Money } from '../money/money';

// the closed list travels on funding's events, so the contracts hold it
export { BUDGET_CATEGORIES } from '@praxis/contracts';
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** One line per category: a second STAFF line would make "how much is left for staff" ambiguous. */
export interface BudgetLine {
  readonly category: BudgetCategory;
  readonly budgeted: Money;
}

export function isBudgetCategory(value: unknown): value is BudgetCategory {
  return typeof value === 'string' && (BUDGET_CATEGORIES as readonly string[]).includes(value);
}

/** Field problems with a set of budget lines: unknown or repeated categories, other currencies, negatives. */
export function budgetLineProblems(lines: readonly BudgetLine[], currency: CurrencyCode): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const field = `budgetLines[${index}]`;
    if (!isBudgetCategory(line.category)) {
      errors.push({ field: `${field}.category`, message: `must be one of ${BUDGET_CATEGORIES.join(', ')}` });
    } else if (seen.has(line.category)) {
      errors.push({ field: `${field}.category`, message: `${line.category} appears more than once` });
    }
    seen.add(line.category);
    if (line.budgeted.currency !== currency) {
      errors.push({
        field: `${field}.budgeted.currency`,
        message: `must be the award's currency ${currency} (got ${line.budgeted.currency})`,
      });
    } else if (line.budgeted.amountMinor < 0) {
      errors.push({ field: `${field}.budgeted`, message: 'must not be negative' });
    }
  });
  return errors;
}

export function validateBudgetLines(lines: readonly BudgetLine[], currency: CurrencyCode): void {
  throwIfInvalid(budgetLineProblems(lines, currency));
}

/**
 * Before activation the lines must add up to the award exactly: money budgeted nowhere, or budgeted twice, is how
 * an award ends up overspent with every line "within budget".
 */
export function assertBudgetLinesMatchAward(lines: readonly BudgetLine[], awardAmount: Money): void {
  validateBudgetLines(lines, awardAmount.currency);
  const total = sumMoney(
    lines.map((line) => line.budgeted),
    awardAmount.currency,
  );
  if (total.amountMinor !== awardAmount.amountMinor) {
    throw new FundingDomainError(
      FundingErrorCode.BUDGET_LINES_DO_NOT_MATCH_AWARD,
      `budgetLines: add up to ${total.amountMinor} minor units but the award is ${awardAmount.amountMinor}`,
      { linesTotal: total, awardAmount },
    );
  }
}

/** What an award from a competition starts with: the whole amount on OTHER, for an admin to split. */
export function defaultBudgetLines(awardAmount: Money): BudgetLine[] {
  return [{ category: 'OTHER', budgeted: awardAmount }];
}

export function findBudgetLine(lines: readonly BudgetLine[], category: BudgetCategory): BudgetLine {
  const line = lines.find((candidate) => candidate.category === category);
  if (line === undefined) {
    throw new FundingDomainError(
      FundingErrorCode.UNKNOWN_BUDGET_LINE,
      `budgetLine: this award has no ${category} line (it has ${lines.map((l) => l.category).join(', ') || 'none'})`,
      { field: 'budgetLine', category },
    );
  }
  return line;
}

import type { CurrencyCode } from '@praxis/contracts';
import type { MoneyInput } from '@praxis/platform/graphql';
import { toMinorUnits, type MinorUnitsResult } from '@praxis/proposals/domain';

/** An amount an input may give as Money (preferred) or as the deprecated major-unit Float, and the fields' names. */
export interface MoneyOrFloat {
  readonly money: MoneyInput | null | undefined;
  readonly float: number | null | undefined;
  /** e.g. `input.requestedFundingMoney` */
  readonly moneyField: string;
  /** e.g. `input.requestedFunding` */
  readonly floatField: string;
}

/**
 * The amount as exact minor units of `currency` (the competition's): the Money as given (its currency must be
 * `currency`, its amount 0 or more), else the deprecated Float (no more decimals than the currency has), else
 * `null` when neither is given. Both at once is refused, naming the deprecated field.
 */
export function minorUnitsOf(
  { money, float, moneyField, floatField }: MoneyOrFloat,
  currency: CurrencyCode,
): MinorUnitsResult | null {
  const moneyName = moneyField.replace(/^input\./, '');
  const floatName = floatField.replace(/^input\./, '');
  if (money && float !== null && float !== undefined) {
    const message = `give ${moneyName} or the deprecated ${floatName}, not both`;
    return { ok: false, problem: { field: floatField, rule: 'oneOf', message } };
  }
  if (!money) return float === null || float === undefined ? null : toMinorUnits(float, currency, floatField);
  if (money.currency !== currency) {
    const message = `must be the competition's currency, ${currency} (got ${JSON.stringify(money.currency)})`;
    return { ok: false, problem: { field: `${moneyField}.currency`, rule: 'competitionCurrency', message } };
  }
  if (money.amountMinor < 0) {
    return {
      ok: false,
      problem: { field: `${moneyField}.amountMinor`, rule: 'min', message: 'must be 0 or more' },
    };
  }
  return { ok: true, amountMinor: money.amountMinor };
}

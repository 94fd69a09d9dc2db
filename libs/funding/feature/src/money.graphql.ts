import type { MoneyInput } from '@praxis/platform/graphql';
import { money, type Money } from '@praxis/funding/domain';

/** Validated Money from an input (an unknown currency is BAD_USER_INPUT naming `field`). */
export function moneyOf(input: MoneyInput, field: string): Money {
  return money(input.amountMinor, input.currency, field);
}

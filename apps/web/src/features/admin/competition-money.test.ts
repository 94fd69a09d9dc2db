import { describe, expect, it } from 'vitest';
import { fundingAvailableMoney } from './competition-money';

describe('fundingAvailableMoney', () => {
  it("sends the amount as integer minor units of the competition's currency", () => {
    expect(fundingAvailableMoney(10000, 'GBP')).toEqual({ amountMinor: 1_000_000, currency: 'GBP' });
    // 0.07 * 100 is 7.000000000000001 as a float: the minor units are still exact
    expect(fundingAvailableMoney(0.07, ' usd ')).toEqual({ amountMinor: 7, currency: 'USD' });
    // the yen has no minor unit
    expect(fundingAvailableMoney(500000, 'JPY')).toEqual({ amountMinor: 500000, currency: 'JPY' });
  });

  it('states no amount for an empty field', () => {
    expect(fundingAvailableMoney('', 'GBP')).toBeNull();
  });
});

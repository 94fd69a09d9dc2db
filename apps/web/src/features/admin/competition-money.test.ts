import { describe, expect, it } from 'vitest';
import { fundingAvailableError, fundingAvailableMoney } from './competition-money';

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

describe('fundingAvailableError', () => {
  it('accepts as many decimals as the currency has, float representation notwithstanding', () => {
    expect(fundingAvailableError(2500.5, 'GBP')).toBeNull();
    expect(fundingAvailableError(0.07, 'usd')).toBeNull();
    expect(fundingAvailableError(500000, 'JPY')).toBeNull();
    expect(fundingAvailableError('', 'GBP')).toBeNull();
  });

  it('names the rule for more decimals than the currency has', () => {
    expect(fundingAvailableError(1000.555, 'GBP')).toBe('At most 2 decimals in GBP');
    expect(fundingAvailableError(0.5, ' jpy ')).toBe('JPY has no minor units: write a whole amount');
    expect(fundingAvailableError(1.0001, 'KWD')).toBe('At most 3 decimals in KWD');
  });
});

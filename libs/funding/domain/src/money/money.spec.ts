import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { refusalOf } from '../testing/refusal';
import { CURRENCY_CODES, minorUnitExponent, parseCurrencyCode } from './currency';
import {
  addMoney,
  compareMoney,
  formatMoney,
  money,
  moneyFromMajorUnits,
  negateMoney,
  subtractMoney,
  sumMoney,
  toMajorUnitString,
} from './money';

function codeOf(fn: () => unknown): FundingErrorCode {
  return refusalOf(fn).code;
}

describe('currency codes', () => {
  it('knows the minor-unit exponent of the common currencies', () => {
    expect(minorUnitExponent('GBP')).toBe(2);
    expect(minorUnitExponent('EUR')).toBe(2);
    expect(minorUnitExponent('USD')).toBe(2);
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('KWD')).toBe(3);
  });

  it('agrees with Intl on every exponent except where CLDR display differs from ISO 4217 on purpose', () => {
    // CLDR shows HUF and PKR without decimals (nobody writes fillér), but ISO 4217 and payment systems keep 2.
    const displayDiffers = new Set(['HUF', 'PKR']);
    const divergent = CURRENCY_CODES.filter(
      (code) =>
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
          .maximumFractionDigits !== minorUnitExponent(code),
    );
    expect(new Set(divergent)).toEqual(displayDiffers);
    expect(formatMoney(money(150, 'HUF'))).toBe('HUF\u00a01.50');
  });

  it('accepts lower case and refuses unknown codes with the value in the error', () => {
    expect(parseCurrencyCode(' gbp ')).toBe('GBP');
    expect(() => parseCurrencyCode('GPB')).toThrow(/"GPB" is not a supported ISO 4217/);
    expect(codeOf(() => parseCurrencyCode('XXX'))).toBe(FundingErrorCode.UNKNOWN_CURRENCY);
  });
});

describe('money construction', () => {
  it('accepts safe integers only', () => {
    expect(money(12345, 'GBP')).toEqual({ amountMinor: 12345, currency: 'GBP' });
    expect(codeOf(() => money(1.5, 'GBP'))).toBe(FundingErrorCode.INVALID_INPUT);
    expect(codeOf(() => money(Number.NaN, 'GBP'))).toBe(FundingErrorCode.INVALID_INPUT);
    expect(codeOf(() => money(2 ** 53, 'GBP'))).toBe(FundingErrorCode.AMOUNT_OUT_OF_RANGE);
    expect(codeOf(() => money(1, 'ABC'))).toBe(FundingErrorCode.UNKNOWN_CURRENCY);
  });

  it('normalises negative zero so equal amounts serialise equally', () => {
    expect(JSON.stringify(money(-0, 'EUR'))).toBe(JSON.stringify(money(0, 'EUR')));
    expect(Object.is(money(-0, 'EUR').amountMinor, 0)).toBe(true);
  });

  it('parses major units exactly, per currency exponent', () => {
    expect(moneyFromMajorUnits('1234.56', 'GBP').amountMinor).toBe(123456);
    expect(moneyFromMajorUnits('1234.5', 'GBP').amountMinor).toBe(123450);
    expect(moneyFromMajorUnits('1234', 'GBP').amountMinor).toBe(123400);
    expect(moneyFromMajorUnits('-0.05', 'EUR').amountMinor).toBe(-5);
    expect(moneyFromMajorUnits('1500', 'JPY').amountMinor).toBe(1500);
    expect(moneyFromMajorUnits('1.234', 'KWD').amountMinor).toBe(1234);
    // 0.1 + 0.2 is not 0.3 in floating point; through the decimal string it is exactly 30 pence.
    expect(moneyFromMajorUnits('0.30', 'GBP').amountMinor).toBe(30);
  });

  it('refuses more decimals than the currency has unless asked to round', () => {
    expect(() => moneyFromMajorUnits('10.005', 'GBP')).toThrow(/GBP has 2 decimal places/);
    expect(() => moneyFromMajorUnits('10.5', 'JPY')).toThrow(/JPY has 0 decimal places/);
    expect(moneyFromMajorUnits('10.000', 'GBP').amountMinor).toBe(1000);
    expect(moneyFromMajorUnits('10.005', 'GBP', { rounding: 'HALF_AWAY_FROM_ZERO' }).amountMinor).toBe(1001);
    expect(moneyFromMajorUnits('-10.005', 'GBP', { rounding: 'HALF_AWAY_FROM_ZERO' }).amountMinor).toBe(
      -1001,
    );
    expect(moneyFromMajorUnits('10.004', 'GBP', { rounding: 'HALF_AWAY_FROM_ZERO' }).amountMinor).toBe(1000);
  });

  it('reads legacy numbers through their shortest decimal form, not their binary expansion', () => {
    // 1.005 is stored as 1.00499999999999989...; the sender meant 1.005.
    expect(moneyFromMajorUnits(1.005, 'GBP', { rounding: 'HALF_AWAY_FROM_ZERO' }).amountMinor).toBe(101);
    expect(moneyFromMajorUnits(0.1 + 0.2, 'GBP', { rounding: 'HALF_AWAY_FROM_ZERO' }).amountMinor).toBe(30);
    expect(moneyFromMajorUnits(25000, 'GBP').amountMinor).toBe(2500000);
    expect(moneyFromMajorUnits(1e-9, 'GBP', { rounding: 'HALF_AWAY_FROM_ZERO' }).amountMinor).toBe(0);
    expect(codeOf(() => moneyFromMajorUnits(Number.POSITIVE_INFINITY, 'GBP'))).toBe(
      FundingErrorCode.INVALID_INPUT,
    );
    expect(codeOf(() => moneyFromMajorUnits('1e5', 'GBP'))).toBe(FundingErrorCode.INVALID_INPUT);
    expect(codeOf(() => moneyFromMajorUnits('99999999999999999', 'GBP'))).toBe(
      FundingErrorCode.AMOUNT_OUT_OF_RANGE,
    );
  });
});

describe('money arithmetic', () => {
  const gbp = (minor: number) => money(minor, 'GBP');

  it('adds, subtracts, negates and compares in one currency', () => {
    expect(addMoney(gbp(150), gbp(250))).toEqual(gbp(400));
    expect(subtractMoney(gbp(150), gbp(250))).toEqual(gbp(-100));
    expect(negateMoney(gbp(5))).toEqual(gbp(-5));
    expect(compareMoney(gbp(1), gbp(2))).toBe(-1);
    expect(compareMoney(gbp(2), gbp(2))).toBe(0);
    expect(compareMoney(gbp(3), gbp(2))).toBe(1);
  });

  it('refuses mixed currencies, naming both', () => {
    const eur = money(100, 'EUR');
    for (const operation of [
      () => addMoney(gbp(1), eur),
      () => subtractMoney(gbp(1), eur),
      () => compareMoney(gbp(1), eur),
    ]) {
      try {
        operation();
        throw new Error('expected a currency mismatch');
      } catch (error) {
        expect(error).toBeInstanceOf(FundingDomainError);
        const domainError = error as FundingDomainError;
        expect(domainError.code).toBe(FundingErrorCode.CURRENCY_MISMATCH);
        expect(domainError.message).toMatch(/GBP and EUR/);
        expect(domainError.details).toMatchObject({ left: 'GBP', right: 'EUR' });
      }
    }
  });

  it('sums a list, zero for an empty one, and refuses a stray currency anywhere in it', () => {
    expect(sumMoney([gbp(1), gbp(2), gbp(3)], 'GBP')).toEqual(gbp(6));
    expect(sumMoney([], 'JPY')).toEqual(money(0, 'JPY'));
    expect(codeOf(() => sumMoney([gbp(1), money(1, 'USD'), gbp(2)], 'GBP'))).toBe(
      FundingErrorCode.CURRENCY_MISMATCH,
    );
  });

  it('refuses a sum that would leave the exact integer range', () => {
    expect(codeOf(() => addMoney(gbp(Number.MAX_SAFE_INTEGER), gbp(1)))).toBe(
      FundingErrorCode.AMOUNT_OUT_OF_RANGE,
    );
  });
});

describe('formatting', () => {
  it('formats with the currency symbol, grouping and the exact minor units', () => {
    expect(formatMoney(money(123456, 'GBP'))).toBe('£1,234.56');
    expect(formatMoney(money(-5, 'EUR'))).toBe('-€0.05');
    expect(formatMoney(money(1235, 'JPY'))).toBe('JP¥1,235');
    expect(formatMoney(money(1234, 'KWD'))).toBe('KWD\u00a01.234');
    expect(formatMoney(money(100, 'EUR'), 'de-DE')).toBe('1,00\u00a0€');
  });

  it('does not lose a minor unit near the top of the safe range', () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, 'GBP'))).toBe('£90,071,992,547,409.91');
    expect(toMajorUnitString(money(Number.MAX_SAFE_INTEGER, 'GBP'))).toBe('90071992547409.91');
  });

  it('writes plain major units for exports', () => {
    expect(toMajorUnitString(money(5, 'GBP'))).toBe('0.05');
    expect(toMajorUnitString(money(-123456, 'GBP'))).toBe('-1234.56');
    expect(toMajorUnitString(money(1500, 'JPY'))).toBe('1500');
    expect(toMajorUnitString(money(7, 'KWD'))).toBe('0.007');
  });
});

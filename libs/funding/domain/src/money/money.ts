import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { minorUnitExponent, parseCurrencyCode, type CurrencyCode } from './currency';

/**
 * An amount of money: an integer count of the currency's minor unit (pence, cents, yen) and its ISO 4217 code.
 * Integers keep sums exact; `number` (not bigint) keeps the shape JSON- and GraphQL-friendly, so every operation
 * checks the result stays a safe integer (about ±90 trillion pounds, far beyond any research fund).
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

function assertSafeAmount(amountMinor: number, field: string): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new FundingDomainError(
      Number.isInteger(amountMinor) ? FundingErrorCode.AMOUNT_OUT_OF_RANGE : FundingErrorCode.INVALID_INPUT,
      `${field}: must be a whole number of minor units within ±${Number.MAX_SAFE_INTEGER} (got ${amountMinor})`,
      { field, value: amountMinor },
    );
  }
}

/** Validated construction: a safe integer of minor units and a known currency (case-insensitive). */
export function money(amountMinor: number, currency: string, field = 'amount'): Money {
  assertSafeAmount(amountMinor, `${field}.amountMinor`);
  // `+ 0` folds -0 into 0 so equal amounts serialise identically.
  return Object.freeze({
    amountMinor: amountMinor + 0,
    currency: parseCurrencyCode(currency, `${field}.currency`),
  });
}

export function zeroMoney(currency: CurrencyCode): Money {
  return money(0, currency);
}

export type MajorUnitRounding = 'EXACT' | 'HALF_AWAY_FROM_ZERO';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * Converts an amount in major units ("1234.56" pounds) to Money without passing through floating point.
 * `EXACT` (the default, for user input) refuses more decimals than the currency has; `HALF_AWAY_FROM_ZERO` is
 * for legacy numeric sources such as v1 events, whose JSON numbers are read through their shortest decimal form.
 */
export function moneyFromMajorUnits(
  value: string | number,
  currency: string,
  options: { rounding?: MajorUnitRounding; field?: string } = {},
): Money {
  const field = options.field ?? 'amount';
  const code = parseCurrencyCode(currency, `${field}.currency`);
  const exponent = minorUnitExponent(code);
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) >= 1e21) {
      throw new FundingDomainError(
        FundingErrorCode.INVALID_INPUT,
        `${field}: ${value} is not a usable amount`,
        {
          field,
          value,
        },
      );
    }
    // Below 1e-6 `toString` switches to exponent notation; such an amount rounds to zero minor units anyway.
    text = Math.abs(value) < 1e-6 ? '0' : String(value);
  } else {
    text = value.trim();
  }
  const match = DECIMAL.exec(text);
  if (match === null) {
    throw new FundingDomainError(
      FundingErrorCode.INVALID_INPUT,
      `${field}: ${JSON.stringify(value)} is not a decimal amount such as 1234.56`,
      { field, value },
    );
  }
  const [, sign, whole, fraction = ''] = match;
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fraction.slice(exponent);
  if (/[1-9]/.test(dropped) && (options.rounding ?? 'EXACT') === 'EXACT') {
    throw new FundingDomainError(
      FundingErrorCode.INVALID_INPUT,
      `${field}: ${code} has ${exponent} decimal place${exponent === 1 ? '' : 's'} (got ${JSON.stringify(value)})`,
      { field, value, currency: code, exponent },
    );
  }
  let magnitude = Number(`${whole}${kept}`);
  if (dropped.length > 0 && dropped.charCodeAt(0) >= '5'.charCodeAt(0)) magnitude += 1;
  if (!Number.isSafeInteger(magnitude)) {
    throw new FundingDomainError(FundingErrorCode.AMOUNT_OUT_OF_RANGE, `${field}: ${text} is too large`, {
      field,
      value,
    });
  }
  return money(sign === '-' ? -magnitude : magnitude, code, field);
}

/** The one place that refuses mixed currencies; the error names both so the caller can say which input is wrong. */
export function assertSameCurrency(a: Money, b: Money, operation = 'combine'): void {
  if (a.currency !== b.currency) {
    throw new FundingDomainError(
      FundingErrorCode.CURRENCY_MISMATCH,
      `Cannot ${operation} ${a.currency} and ${b.currency} amounts`,
      { left: a.currency, right: b.currency, operation },
    );
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'add');
  const amountMinor = a.amountMinor + b.amountMinor;
  assertSafeAmount(amountMinor, 'sum');
  return money(amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'subtract');
  const amountMinor = a.amountMinor - b.amountMinor;
  assertSafeAmount(amountMinor, 'difference');
  return money(amountMinor, a.currency);
}

export function negateMoney(a: Money): Money {
  return money(-a.amountMinor, a.currency);
}

/** -1, 0 or 1, like a sort comparator; refuses to compare across currencies. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b, 'compare');
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function minMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) <= 0 ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) >= 0 ? a : b;
}

export function moneyEquals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}

/** The currency is required so that an empty list still has a well-defined (zero) total. */
export function sumMoney(items: Iterable<Money>, currency: CurrencyCode): Money {
  let total = zeroMoney(currency);
  for (const item of items) total = addMoney(total, item);
  return total;
}

/**
 * Locale-aware display ("£1,234.56", "¥1,235", "-€0.05"). The integer part goes through Intl for grouping and the
 * symbol, and the fraction is spliced in from the integer minor units, so no float ever rounds a penny.
 */
export function formatMoney(value: Money, locale = 'en-GB'): string {
  const exponent = minorUnitExponent(value.currency);
  const scale = 10 ** exponent;
  const absolute = Math.abs(value.amountMinor);
  const fractionDigits = absolute % scale;
  const major = (absolute - fractionDigits) / scale;
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  const fraction = String(fractionDigits).padStart(exponent, '0');
  return formatter
    .formatToParts(value.amountMinor < 0 ? -major : major)
    .map((part) => (part.type === 'fraction' ? fraction : part.value))
    .join('');
}

/** Plain decimal in major units ("1234.56"), for CSV exports and logs where symbols get in the way. */
export function toMajorUnitString(value: Money): string {
  const exponent = minorUnitExponent(value.currency);
  const digits = String(Math.abs(value.amountMinor)).padStart(exponent + 1, '0');
  const sign = value.amountMinor < 0 ? '-' : '';
  return exponent === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

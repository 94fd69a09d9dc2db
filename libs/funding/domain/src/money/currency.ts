import { FundingDomainError, FundingErrorCode } from '../funding.exception';

/**
 * ISO 4217 codes Praxis accepts, with their minor-unit exponent (how many decimal places the minor unit has).
 * Deliberately a closed list: a typo such as `GPB` must fail at the door, not create a currency of its own.
 * Exponents follow ISO 4217 (JPY and KRW have none; BHD, KWD, OMR, JOD have three).
 */
export const CURRENCY_EXPONENTS = {
  GBP: 2,
  EUR: 2,
  USD: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  ZAR: 2,
  INR: 2,
  PKR: 2,
  NGN: 2,
  KES: 2,
  EGP: 2,
  SGD: 2,
  HKD: 2,
  CNY: 2,
  BRL: 2,
  MXN: 2,
  AED: 2,
  SAR: 2,
  ILS: 2,
  TRY: 2,
  MYR: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
} as const satisfies Record<string, 0 | 2 | 3>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export const CURRENCY_CODES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, value);
}

/** Accepts lower case from forms and configuration; anything unknown is refused with the offending value. */
export function parseCurrencyCode(value: string, field = 'currency'): CurrencyCode {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) {
    throw new FundingDomainError(
      FundingErrorCode.UNKNOWN_CURRENCY,
      `${field}: ${JSON.stringify(value)} is not a supported ISO 4217 currency code`,
      { field, value },
    );
  }
  return code;
}

export function minorUnitExponent(currency: CurrencyCode): number {
  return CURRENCY_EXPONENTS[currency];
}

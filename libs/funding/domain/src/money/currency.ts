import { CURRENCY_EXPONENTS, isCurrencyCode, type CurrencyCode } from '@praxis/contracts';
import { FundingDomainError, FundingErrorCode } from '../funding.exception';

// The list lives in the shared vocabulary: money travels on events between services.
export { CURRENCY_CODES, CURRENCY_EXPONENTS, isCurrencyCode, type CurrencyCode } from '@praxis/contracts';

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

import { CURRENCY_EXPONENTS, isCurrencyCode, type CurrencyCode } from '@praxis/contracts';
import type { ValidationProblem } from './validation-problem';

export type MinorUnitsResult = { ok: true; amountMinor: number } | { ok: false; problem: ValidationProblem };

/**
 * A competition's currency as typed on a form or in configuration: upper-cased, then checked against the closed
 * ISO 4217 list (a typo such as `GPB` must not become a currency of its own).
 */
export function parseCompetitionCurrency(
  value: string,
  field = 'currency',
): { ok: true; currency: CurrencyCode } | { ok: false; problem: ValidationProblem } {
  const code = value.trim().toUpperCase();
  if (isCurrencyCode(code)) return { ok: true, currency: code };
  return {
    ok: false,
    problem: {
      field,
      rule: 'iso4217',
      message: `${JSON.stringify(value)} is not a supported ISO 4217 currency code`,
    },
  };
}

/**
 * Converts an amount typed in major units (the GraphQL inputs are decimals such as 1234.5) to integer minor units
 * of `currency`, through the number's shortest decimal text so no float rounding creeps in; more decimals than
 * the currency has (12.345 GBP, 10.5 JPY) is a problem, not a silent rounding.
 */
export function toMinorUnits(major: number, currency: CurrencyCode, field: string): MinorUnitsResult {
  const exponent = CURRENCY_EXPONENTS[currency];
  const text = Math.abs(major) < 1e-9 ? '0' : String(major);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  const fraction = match?.[2] ?? '';
  if (match === null || fraction.length > exponent) {
    return {
      ok: false,
      problem: {
        field,
        rule: 'minorUnits',
        message:
          match === null
            ? 'must be a non-negative amount such as 1234.50'
            : `${currency} has ${exponent} decimal places (got ${text})`,
      },
    };
  }
  const amountMinor = Number(`${match[1]}${fraction.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(amountMinor)) {
    return { ok: false, problem: { field, rule: 'range', message: `${text} is too large` } };
  }
  return { ok: true, amountMinor };
}

/** Minor units back to a major-unit number, for the v1 events and the deprecated Float fields only. */
export function toMajorUnits(amountMinor: number, currency: CurrencyCode): number {
  return amountMinor / 10 ** CURRENCY_EXPONENTS[currency];
}

import { minorDigits } from '../../lib/format';
import { adminMessages as t } from './messages';

const CURRENCY = /^[A-Z]{3}$/;

/** Minor digits of the currency typed (2 while it is not yet a three-letter code). */
function digitsOf(currency: string): number {
  const code = currency.trim().toUpperCase();
  return CURRENCY.test(code) ? minorDigits(code) : 2;
}

/**
 * The funding field's error when the amount has more decimals than the currency has (1000.555 GBP, 0.5 JPY):
 * refused, never rounded to another amount than the one typed. Null for an amount the currency can state.
 */
export function fundingAvailableError(amount: number | string, currency: string): string | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  const digits = digitsOf(currency);
  // an amount with at most `digits` decimals is the same number once fixed to them (0.07 too, unlike 0.07 * 100)
  if (Number(amount.toFixed(digits)) === amount) return null;
  return t.fundingDecimals(digits, currency.trim().toUpperCase());
}

/**
 * The funding a new competition states, as the Money input the API takes: integer minor units of the
 * competition's currency (the form's number field is in major units; `fundingAvailableError` refuses more
 * decimals than the currency has before this runs). An empty field states no amount; a malformed currency is
 * left for the server to name.
 */
export function fundingAvailableMoney(
  amount: number | string,
  currency: string,
): { amountMinor: number; currency: string } | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  const code = currency.trim().toUpperCase();
  return { amountMinor: Math.round(amount * 10 ** digitsOf(code)), currency: code };
}

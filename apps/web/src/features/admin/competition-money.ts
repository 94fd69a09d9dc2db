import { minorDigits } from '../../lib/format';

const CURRENCY = /^[A-Z]{3}$/;

/**
 * The funding a new competition states, as the Money input the API takes: integer minor units of the
 * competition's currency (the form's number field is in major units and allows no more decimals than the
 * currency has). An empty field states no amount; a malformed currency is left for the server to name.
 */
export function fundingAvailableMoney(
  amount: number | string,
  currency: string,
): { amountMinor: number; currency: string } | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  const code = currency.trim().toUpperCase();
  const digits = CURRENCY.test(code) ? minorDigits(code) : 2;
  return { amountMinor: Math.round(amount * 10 ** digits), currency: code };
}

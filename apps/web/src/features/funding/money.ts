import { minorDigits } from '../../lib/format';
import { fundingMessages as t } from './messages';

export type ParsedMoney =
  { amountMinor: number; error?: undefined } | { amountMinor?: undefined; error: string };

/** 1234.56, 1,234.56 or 1 234.56: digits, optional thousands separators, optional decimals. */
const AMOUNT = /^(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * An amount typed in major units ("1,234.50") as whole minor units of the currency (123450 pence), exactly: the
 * text is split at the decimal point and never goes through a float, so no penny is lost to rounding. More
 * decimals than the currency has (3 for GBP, 1 for JPY) is an error, not a rounding.
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const trimmed = text.trim();
  if (!trimmed) return { error: t.amountRequired };
  const match = AMOUNT.exec(trimmed);
  if (!match) return { error: t.amountFormat };
  const digits = minorDigits(currency);
  const whole = match[1].replace(/[, ]/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { error: t.amountDecimals(digits, currency) };
  const amountMinor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(amountMinor)) return { error: t.amountTooLarge };
  if (amountMinor === 0) return { error: t.amountPositive };
  return { amountMinor };
}

import { z } from 'zod';

/**
 * ISO 4217 codes Praxis accepts, with their minor-unit exponent (how many decimal places the minor unit has).
 * Deliberately a closed list: a typo such as `GPB` must fail at the door, not create a currency of its own.
 * Exponents follow ISO 4217 (JPY and KRW have none; BHD, KWD, OMR, JOD have three). Shared vocabulary because
 * money travels on events between services (proposals' competitions, funding's awards).
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

export const currencyCodeSchema = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);

/** Money on the wire: a safe integer of minor units (pence, cents, yen) and its currency; never a float. */
export const moneySchema = z.object({
  amountMinor: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  currency: currencyCodeSchema,
});
export type MoneyPayload = z.infer<typeof moneySchema>;

/** Non-negative money (an amount asked for or available). */
export const nonNegativeMoneySchema = moneySchema.extend({
  amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

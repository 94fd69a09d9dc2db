/** Dates, money and numbers in the person's locale; one place, so every page reads the same. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The number of minor units in a major one for an ISO 4217 currency (2 for GBP, 0 for JPY). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export function formatMoney(money: { amountMinor: number; currency: string } | null | undefined): string {
  if (!money) return '';
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** digits,
  );
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A calendar day sent as YYYY-MM-DD (no time, no zone): shown as that day wherever the reader is. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A `datetime-local` input's value (local time, no zone) for an instant. */
export function toLocalInput(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

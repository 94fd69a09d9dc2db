import { parseCompetitionCurrency, toMajorUnits, toMinorUnits } from './competition-money';

describe('competition money', () => {
  it('accepts ISO 4217 codes in any case and refuses unknown ones naming the field', () => {
    expect(parseCompetitionCurrency(' gbp ')).toEqual({ ok: true, currency: 'GBP' });
    expect(parseCompetitionCurrency('GPB', 'input.currency')).toEqual({
      ok: false,
      problem: expect.objectContaining({ field: 'input.currency', rule: 'iso4217' }),
    });
  });

  it('converts major units to minor units exactly, by the currency exponent', () => {
    expect(toMinorUnits(1234.5, 'GBP', 'f')).toEqual({ ok: true, amountMinor: 123450 });
    expect(toMinorUnits(0.1 + 0.2 - 0.3, 'GBP', 'f')).toEqual({ ok: true, amountMinor: 0 });
    expect(toMinorUnits(19.99, 'GBP', 'f')).toEqual({ ok: true, amountMinor: 1999 });
    expect(toMinorUnits(1000, 'JPY', 'f')).toEqual({ ok: true, amountMinor: 1000 });
    expect(toMinorUnits(1.234, 'KWD', 'f')).toEqual({ ok: true, amountMinor: 1234 });
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(toMinorUnits(12.345, 'GBP', 'input.fundingAvailable')).toEqual({
      ok: false,
      problem: expect.objectContaining({
        field: 'input.fundingAvailable',
        rule: 'minorUnits',
        message: expect.stringContaining('GBP has 2 decimal places'),
      }),
    });
    expect(toMinorUnits(10.5, 'JPY', 'f').ok).toBe(false);
    expect(toMinorUnits(-1, 'GBP', 'f').ok).toBe(false);
    expect(toMinorUnits(1e300, 'GBP', 'f').ok).toBe(false);
  });

  it('gives major units back for the v1 events', () => {
    expect(toMajorUnits(123450, 'GBP')).toBe(1234.5);
    expect(toMajorUnits(1000, 'JPY')).toBe(1000);
  });
});

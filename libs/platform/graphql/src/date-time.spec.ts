import { Kind } from 'graphql';
import { DateTimeScalar, dateProblem } from './date-time';

const parse = (value: unknown) => DateTimeScalar.parseValue(value);

describe('the shared DateTime scalar', () => {
  it('reads RFC 3339 date-times with a time zone, and plain dates as midnight UTC', () => {
    expect(parse('2026-03-01T10:30:00+01:00').toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(parse('2026-03-01T09:30:00.123456Z').toISOString()).toBe('2026-03-01T09:30:00.123Z');
    expect(parse('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-03-01' }, undefined)).toEqual(
      parse('2026-03-01'),
    );
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:00:00',
    'yesterday',
    '+275760-09-13T00:00:00Z',
    1767225600000,
    null,
  ])('hands %p over as an invalid date for the input pipe to name', (value) => {
    expect(dateProblem(parse(value), 'input.at')).toMatchObject({ field: 'input.at', rule: 'dateTime' });
  });

  it('leaves years outside 1900–2199 to the range rule, year 0 included', () => {
    for (const value of ['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2200-01-01', '9999-12-31'])
      expect(dateProblem(parse(value), 'f')).toMatchObject({ rule: 'dateRange' });
    expect(dateProblem(parse('1900-01-01'), 'f')).toBeNull();
    expect(dateProblem(parse('2199-12-31T23:59:59Z'), 'f')).toBeNull();
  });
});

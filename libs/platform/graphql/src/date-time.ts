import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { FieldError } from './errors';

/**
 * The dates any Praxis field may hold: nothing on this platform happened before 1900 or is planned after 2199.
 * Field rules (a deadline after the opening, a check-in not in the future) come on top, in each service.
 */
export const EARLIEST_DATE = new Date(Date.UTC(1900, 0, 1));
export const LATEST_DATE = new Date(Date.UTC(2199, 11, 31, 23, 59, 59, 999));

/** RFC 3339 date-time with a time zone, or a plain date (midnight UTC). Four-digit years only. */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/i;

function isoDate(value: string): Date {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return new Date(Number.NaN);
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHours = '0', offsetMinutes = '0'] =
    match;
  const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  // JavaScript rolls 30 February over into March; a calendar date that does not exist is refused
  const calendar = new Date(0);
  // (Date.UTC would read years 0–99 as 1900–1999)
  calendar.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const exists =
    calendar.getUTCFullYear() === Number(year) &&
    calendar.getUTCMonth() === Number(month) - 1 &&
    calendar.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60 &&
    Number(offsetHours) < 24 &&
    Number(offsetMinutes) < 60;
  return exists ? parsed : new Date(Number.NaN);
}

/**
 * `DateTime` for every subgraph (in place of Nest's, which turned any string or number into a `Date`, invalid
 * or in year 275760). Parsing never throws: a value that is not a date becomes an invalid `Date`, which the input
 * pipe (`dateProblems`) refuses as BAD_USER_INPUT naming the field, inline or in a variable alike.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An RFC 3339 date-time with a time zone (2026-03-01T09:30:00Z, 2026-03-01T10:30:00+01:00) or a date (2026-03-01, midnight UTC), between 1900 and 2199; answered in UTC',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue(value) {
    return typeof value === 'string' ? isoDate(value) : new Date(Number.NaN);
  },
  parseLiteral(ast) {
    return ast.kind === Kind.STRING ? isoDate(ast.value) : new Date(Number.NaN);
  },
});

/**
 * The scalar as Nest's schema builder takes it for federated subgraphs: a provider marked `@Scalar` (options'
 * `scalarsMap` is ignored there), mapping every `Date` field and argument to it.
 */
@Scalar('DateTime', () => Date)
export class DateTimeScalarProvider implements CustomScalar<string, Date> {
  description = DateTimeScalar.description ?? undefined;
  serialize = (value: unknown): string => DateTimeScalar.serialize(value);
  parseValue = (value: unknown): Date => DateTimeScalar.parseValue(value);
  parseLiteral = (ast: ValueNode): Date => DateTimeScalar.parseLiteral(ast, undefined);
}

/** What is wrong with a date an input holds: not a date at all, or outside what the platform accepts. */
export function dateProblem(date: Date, field: string): FieldError | null {
  if (Number.isNaN(date.getTime())) {
    return {
      field,
      rule: 'dateTime',
      message: 'must be a date-time with a time zone (2026-03-01T09:30:00Z) or a date (2026-03-01)',
    };
  }
  if (date < EARLIEST_DATE || date > LATEST_DATE) {
    return { field, rule: 'dateRange', message: 'must be between 1900 and 2199' };
  }
  return null;
}

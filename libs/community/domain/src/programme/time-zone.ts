import { CommunityDomainError, CommunityErrorCode } from '../community.exception';

/**
 * Sessions are stored as a UTC instant plus the IANA zone the organiser meant, so "13:00 London" stays 13:00 in
 * London across a clock change and every attendee sees it in their own zone. Zones are validated by Intl (the
 * runtime's tz database), which is also what later formats them.
 */
export function canonicalTimeZone(value: string): string | null {
  const trimmed = value.trim();
  // Fixed offsets ("+01:00") are accepted by newer runtimes but carry no DST rules: a series crossing a clock
  // change would drift by an hour, so only named zones are allowed.
  if (trimmed === '' || /^[+-]|^\d/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isValidTimeZone(value: string): boolean {
  return canonicalTimeZone(value) !== null;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instantMs));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

function offsetMsAt(instantMs: number, timeZone: string): number {
  const wall = wallClockAt(instantMs, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return wallAsUtc - Math.floor(instantMs / 60_000) * 60_000;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time`. A time skipped by a spring-forward
 * change does not exist and is refused; a time repeated by a fall-back change is read as the earlier one
 * (the first time the clock shows it), which is what a calendar invitation does.
 */
export function localDateTimeToInstant(
  date: string,
  time: string,
  timeZone: string,
  field = 'startsAt',
): Date {
  const zone = canonicalTimeZone(timeZone);
  const dateMatch = LOCAL_DATE.exec(date);
  const timeMatch = LOCAL_TIME.exec(time);
  if (zone === null || dateMatch === null || timeMatch === null) {
    throw CommunityDomainError.invalidInput([
      {
        field,
        message:
          zone === null
            ? `timeZone ${JSON.stringify(timeZone)} is not an IANA time zone such as Europe/London`
            : 'must be a date YYYY-MM-DD and a time HH:mm',
      },
    ]);
  }
  const wall = {
    year: Number(dateMatch[1]),
    month: Number(dateMatch[2]),
    day: Number(dateMatch[3]),
    hour: Number(timeMatch[1]),
    minute: Number(timeMatch[2]),
  };
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Offsets half a day either side bracket any transition near this wall time.
  const candidates = [offsetMsAt(wallAsUtc - 43_200_000, zone), offsetMsAt(wallAsUtc + 43_200_000, zone)]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => {
      const seen = wallClockAt(instant, zone);
      return (
        seen.year === wall.year &&
        seen.month === wall.month &&
        seen.day === wall.day &&
        seen.hour === wall.hour &&
        seen.minute === wall.minute
      );
    });
  if (candidates.length === 0) {
    throw new CommunityDomainError(
      CommunityErrorCode.INVALID_INPUT,
      `${field}: ${date} ${time} does not exist in ${zone} (the clocks skip it)`,
      { errors: [{ field, message: `${date} ${time} does not exist in ${zone}` }] },
    );
  }
  return new Date(Math.min(...candidates));
}

/** "Wed 4 Mar 2026, 13:00 GMT" style text in a zone, for certificates and confirmation messages. */
export function formatInZone(instant: Date, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}

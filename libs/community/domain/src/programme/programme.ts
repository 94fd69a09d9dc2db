import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import {
  CommunityDomainError,
  CommunityErrorCode,
  throwIfInvalid,
  type FieldError,
} from '../community.exception';
import { canonicalTimeZone } from './time-zone';

export const PROGRAMME_MODES = ['ONLINE', 'IN_PERSON'] as const;
export type ProgrammeMode = (typeof PROGRAMME_MODES)[number];

export const PROGRAMME_LIMITS = {
  titleMaxLength: 160,
  descriptionMaxLength: 5000,
  themeMaxLength: 200,
  capacity: { min: 1, max: 5000 },
  sessions: { min: 1, max: 50 },
  /** A quarter hour to a long day: a half-day masterclass is about 240 minutes. */
  durationMinutes: { min: 15, max: 600 },
} as const;

export interface SessionInput {
  readonly theme: string;
  /** The UTC instant the session starts (see `localDateTimeToInstant` for form input). */
  readonly startsAt: Date;
  /** The IANA zone the organiser scheduled it in; kept for display and for clock changes. */
  readonly timeZone: string;
  readonly durationMinutes: number;
  /** Shown only to accepted attendees; online sessions must have one. */
  readonly joiningLink?: string | null;
}

export interface ProgrammeInput {
  readonly title: string;
  readonly description: string;
  readonly audience: readonly string[];
  readonly capacity: number;
  readonly applicationOpensAt: Date;
  readonly applicationClosesAt: Date;
  readonly mode: string;
  readonly sessions: readonly SessionInput[];
}

export interface ProgrammeSession {
  readonly theme: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly timeZone: string;
  readonly durationMinutes: number;
  readonly joiningLink: string | null;
}

export interface ProgrammeRules {
  readonly title: string;
  readonly description: string;
  readonly audience: readonly CareerStage[];
  readonly capacity: number;
  readonly applicationOpensAt: Date;
  readonly applicationClosesAt: Date;
  readonly mode: ProgrammeMode;
  /** In start order. */
  readonly sessions: readonly ProgrammeSession[];
}

function isValidDate(value: Date): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function sessionProblems(session: SessionInput, index: number, mode: string): FieldError[] {
  const field = `sessions[${index}]`;
  const errors: FieldError[] = [];
  const theme = session.theme.trim();
  if (theme.length === 0 || theme.length > PROGRAMME_LIMITS.themeMaxLength) {
    errors.push({
      field: `${field}.theme`,
      message: `must be 1 to ${PROGRAMME_LIMITS.themeMaxLength} characters`,
    });
  }
  if (!isValidDate(session.startsAt))
    errors.push({ field: `${field}.startsAt`, message: 'must be a valid instant' });
  if (canonicalTimeZone(session.timeZone) === null) {
    errors.push({
      field: `${field}.timeZone`,
      message: `${JSON.stringify(session.timeZone)} is not an IANA time zone such as Europe/London`,
    });
  }
  const { min, max } = PROGRAMME_LIMITS.durationMinutes;
  if (
    !Number.isInteger(session.durationMinutes) ||
    session.durationMinutes < min ||
    session.durationMinutes > max
  ) {
    errors.push({
      field: `${field}.durationMinutes`,
      message: `must be a whole number from ${min} to ${max}`,
    });
  }
  const link = session.joiningLink?.trim() ?? '';
  if (link !== '' && !isHttpsUrl(link)) {
    errors.push({ field: `${field}.joiningLink`, message: 'must be an https:// link' });
  } else if (link === '' && mode === 'ONLINE') {
    errors.push({ field: `${field}.joiningLink`, message: 'an online session needs a joining link' });
  }
  return errors;
}

/**
 * Checks a whole programme at once and returns it normalised (trimmed text, canonical zones, sessions in start
 * order with their end instants). Applications must close before the first session starts (selection and
 * confirmations need that time), and sessions must not overlap (they are one series for one audience).
 */
export function validateProgramme(input: ProgrammeInput): ProgrammeRules {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (title.length === 0 || title.length > PROGRAMME_LIMITS.titleMaxLength) {
    errors.push({ field: 'title', message: `must be 1 to ${PROGRAMME_LIMITS.titleMaxLength} characters` });
  }
  if (input.description.trim().length > PROGRAMME_LIMITS.descriptionMaxLength) {
    errors.push({
      field: 'description',
      message: `must be at most ${PROGRAMME_LIMITS.descriptionMaxLength} characters`,
    });
  }
  if (input.audience.length === 0)
    errors.push({ field: 'audience', message: 'must name at least one career stage' });
  input.audience.forEach((stage, index) => {
    if (!(CAREER_STAGES as readonly string[]).includes(stage)) {
      errors.push({ field: `audience[${index}]`, message: `must be one of ${CAREER_STAGES.join(', ')}` });
    }
  });
  const { min: minCapacity, max: maxCapacity } = PROGRAMME_LIMITS.capacity;
  if (!Number.isInteger(input.capacity) || input.capacity < minCapacity || input.capacity > maxCapacity) {
    errors.push({
      field: 'capacity',
      message: `must be a whole number from ${minCapacity} to ${maxCapacity}`,
    });
  }
  if (!(PROGRAMME_MODES as readonly string[]).includes(input.mode)) {
    errors.push({ field: 'mode', message: `must be one of ${PROGRAMME_MODES.join(', ')}` });
  }
  const windowValid = isValidDate(input.applicationOpensAt) && isValidDate(input.applicationClosesAt);
  if (!windowValid) {
    errors.push({ field: 'applicationClosesAt', message: 'the application window needs two valid instants' });
  } else if (input.applicationClosesAt.getTime() <= input.applicationOpensAt.getTime()) {
    errors.push({ field: 'applicationClosesAt', message: 'must be after applicationOpensAt' });
  }
  const { min: minSessions, max: maxSessions } = PROGRAMME_LIMITS.sessions;
  if (input.sessions.length < minSessions || input.sessions.length > maxSessions) {
    errors.push({ field: 'sessions', message: `must have ${minSessions} to ${maxSessions} sessions` });
  }
  const sessionErrors = input.sessions.flatMap((session, index) =>
    sessionProblems(session, index, input.mode),
  );
  errors.push(...sessionErrors);
  throwIfInvalid(errors);

  const sessions: ProgrammeSession[] = input.sessions
    .map((session) => ({
      theme: session.theme.trim(),
      startsAt: session.startsAt,
      endsAt: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000),
      timeZone: canonicalTimeZone(session.timeZone) as string,
      durationMinutes: session.durationMinutes,
      joiningLink: session.joiningLink?.trim() || null,
    }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const orderErrors: FieldError[] = [];
  if (input.applicationClosesAt.getTime() > sessions[0].startsAt.getTime()) {
    orderErrors.push({
      field: 'applicationClosesAt',
      message: 'must be no later than the first session starts',
    });
  }
  for (let index = 1; index < sessions.length; index += 1) {
    if (sessions[index].startsAt.getTime() < sessions[index - 1].endsAt.getTime()) {
      orderErrors.push({
        field: 'sessions',
        message: `"${sessions[index].theme}" starts before "${sessions[index - 1].theme}" ends`,
      });
    }
  }
  throwIfInvalid(orderErrors);
  return {
    title,
    description: input.description.trim(),
    audience: [...new Set(input.audience as readonly CareerStage[])],
    capacity: input.capacity,
    applicationOpensAt: input.applicationOpensAt,
    applicationClosesAt: input.applicationClosesAt,
    mode: input.mode as ProgrammeMode,
    sessions,
  };
}

export function isApplicationWindowOpen(
  programme: Pick<ProgrammeRules, 'applicationOpensAt' | 'applicationClosesAt'>,
  now: Date,
): boolean {
  return (
    now.getTime() >= programme.applicationOpensAt.getTime() &&
    now.getTime() < programme.applicationClosesAt.getTime()
  );
}

/** The window is half-open, [opens, closes): at the closing instant applications have closed. */
export function assertCanApply(
  programme: Pick<ProgrammeRules, 'audience' | 'applicationOpensAt' | 'applicationClosesAt'>,
  careerStage: CareerStage,
  now: Date,
): void {
  if (!isApplicationWindowOpen(programme, now)) {
    throw new CommunityDomainError(
      CommunityErrorCode.APPLICATION_WINDOW_CLOSED,
      `Applications are open from ${programme.applicationOpensAt.toISOString()} until ${programme.applicationClosesAt.toISOString()}`,
      {
        opensAt: programme.applicationOpensAt.toISOString(),
        closesAt: programme.applicationClosesAt.toISOString(),
      },
    );
  }
  if (!programme.audience.includes(careerStage)) {
    throw new CommunityDomainError(
      CommunityErrorCode.NOT_IN_AUDIENCE,
      `This programme is for ${programme.audience.join(', ')} (your career stage is ${careerStage})`,
      { audience: programme.audience, careerStage },
    );
  }
}

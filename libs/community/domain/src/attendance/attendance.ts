import { timingSafeEqual } from 'node:crypto';
import {
  CommunityDomainError,
  CommunityErrorCode,
  throwIfInvalid,
  type FieldError,
} from '../community.exception';
import { normaliseCrockford, randomCrockford } from '../codes/crockford';

/** Six characters of base32: a billion codes, valid for a few hours, typed from a shared screen. */
export const SESSION_CODE_LENGTH = 6;
/** Organisers may record attendance for a week after a session ends (registers come in late). */
export const LATE_RECORDING_DAYS = 7;

export interface SessionTimes {
  readonly sessionId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export function generateSessionCode(): string {
  return randomCrockford(SESSION_CODE_LENGTH);
}

/** Constant-time, tolerant of case, spaces, hyphens and O/0, I/L/1 confusion. */
export function sessionCodeMatches(expected: string, given: string): boolean {
  const a = normaliseCrockford(expected);
  const b = normaliseCrockford(given);
  if (a === null || b === null || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * An attendee records themselves with the code shown during the session, and only during it: [start, end].
 * Checking the window before the code means a code photographed and shared later is useless, and the error
 * does not tell a guesser whether their code was right.
 */
export function assertSelfRecording(
  session: SessionTimes,
  expectedCode: string,
  givenCode: string,
  now: Date,
): void {
  if (now.getTime() < session.startsAt.getTime() || now.getTime() > session.endsAt.getTime()) {
    throw new CommunityDomainError(
      CommunityErrorCode.SESSION_CODE_NOT_VALID_NOW,
      `The session code works only while the session runs (${session.startsAt.toISOString()} to ${session.endsAt.toISOString()}); ask an organiser to record you`,
      { sessionId: session.sessionId },
    );
  }
  if (!sessionCodeMatches(expectedCode, givenCode)) {
    throw new CommunityDomainError(
      CommunityErrorCode.SESSION_CODE_INVALID,
      'code: that is not this session’s code',
      {
        sessionId: session.sessionId,
        errors: [{ field: 'code', message: 'is not this session’s code' }],
      },
    );
  }
}

export function organiserRecordingClosesAt(session: SessionTimes): Date {
  return new Date(session.endsAt.getTime() + LATE_RECORDING_DAYS * 86_400_000);
}

/** Organisers record from the session's start until 7 days after it ends. */
export function assertOrganiserRecording(session: SessionTimes, now: Date): void {
  const closesAt = organiserRecordingClosesAt(session);
  if (now.getTime() < session.startsAt.getTime() || now.getTime() > closesAt.getTime()) {
    throw new CommunityDomainError(
      CommunityErrorCode.ATTENDANCE_WINDOW_CLOSED,
      `Attendance for this session can be recorded from ${session.startsAt.toISOString()} until ${closesAt.toISOString()}`,
      { sessionId: session.sessionId, closesAt: closesAt.toISOString() },
    );
  }
}

export interface BulkAttendancePlan {
  /** Newly attending, in the order given (duplicates dropped). */
  readonly toRecord: readonly string[];
  /** Already recorded: the call is idempotent, so resending a register is harmless. */
  readonly alreadyRecorded: readonly string[];
}

/**
 * A whole register in one call, all or nothing: anyone who is not an accepted attendee makes the call fail
 * with every such entry named, so a typo never records a stranger or silently skips someone.
 */
export function planBulkAttendance(
  session: SessionTimes,
  memberIds: readonly string[],
  attendeeIds: ReadonlySet<string>,
  recordedIds: ReadonlySet<string>,
  now: Date,
): BulkAttendancePlan {
  assertOrganiserRecording(session, now);
  const errors: FieldError[] = [];
  memberIds.forEach((memberId, index) => {
    if (!attendeeIds.has(memberId))
      errors.push({ field: `memberIds[${index}]`, message: 'is not an accepted attendee' });
  });
  if (errors.length > 0) {
    throw new CommunityDomainError(
      CommunityErrorCode.NOT_AN_ATTENDEE,
      `Not accepted attendees: ${errors.map((error) => error.field).join(', ')}`,
      { errors },
    );
  }
  throwIfInvalid(
    memberIds.length === 0 ? [{ field: 'memberIds', message: 'must name at least one attendee' }] : [],
  );
  const unique = [...new Set(memberIds)];
  return {
    toRecord: unique.filter((memberId) => !recordedIds.has(memberId)),
    alreadyRecorded: unique.filter((memberId) => recordedIds.has(memberId)),
  };
}

export interface SessionAttendance {
  readonly sessionId: string;
  readonly attended: number;
  /** attended ÷ accepted attendees. */
  readonly attendanceRate: number | null;
  /** attended ÷ attended at the first session: the usual "how many stayed with the series". */
  readonly retentionFromFirst: number | null;
}

export interface AttendanceSummary {
  readonly sessions: readonly SessionAttendance[];
  /** `histogram[k]` = members who attended exactly k sessions (k = 0 … sessions). */
  readonly histogram: readonly number[];
  /** Members who attended every session. */
  readonly attendedAll: number;
}

/** Attendance per session in start order, retention across the series, and how many came how often. */
export function attendanceSummary(
  sessionIdsInOrder: readonly string[],
  attendeeIds: readonly string[],
  records: ReadonlyArray<{ readonly sessionId: string; readonly memberId: string }>,
): AttendanceSummary {
  const attendees = new Set(attendeeIds);
  const bySession = new Map<string, Set<string>>(sessionIdsInOrder.map((id) => [id, new Set<string>()]));
  for (const record of records) {
    if (attendees.has(record.memberId)) bySession.get(record.sessionId)?.add(record.memberId);
  }
  const first = bySession.get(sessionIdsInOrder[0])?.size ?? 0;
  const sessions = sessionIdsInOrder.map((sessionId) => {
    const attended = bySession.get(sessionId)?.size ?? 0;
    return {
      sessionId,
      attended,
      attendanceRate: attendees.size === 0 ? null : attended / attendees.size,
      retentionFromFirst: first === 0 ? null : attended / first,
    };
  });
  const histogram = new Array<number>(sessionIdsInOrder.length + 1).fill(0);
  for (const memberId of attendees) {
    let count = 0;
    for (const members of bySession.values()) if (members.has(memberId)) count += 1;
    histogram[count] += 1;
  }
  return { sessions, histogram, attendedAll: histogram[sessionIdsInOrder.length] };
}

import { CommunityErrorCode } from '../community.exception';
import { refusalOf } from '../testing/refusal';
import {
  assertOrganiserRecording,
  assertSelfRecording,
  attendanceSummary,
  generateSessionCode,
  planBulkAttendance,
  sessionCodeMatches,
} from './attendance';

const SESSION = {
  sessionId: 's1',
  startsAt: new Date('2026-03-04T13:00:00Z'),
  endsAt: new Date('2026-03-04T17:00:00Z'),
};
const DURING = new Date('2026-03-04T15:00:00Z');

describe('session codes', () => {
  it('are six base32 characters, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateSessionCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('match forgiving case, spaces and look-alike letters', () => {
    expect(sessionCodeMatches('7K0Q1X', '7k-oq ix')).toBe(true);
    expect(sessionCodeMatches('7K0Q1X', '7K0Q1Y')).toBe(false);
    expect(sessionCodeMatches('7K0Q1X', '7K0Q1')).toBe(false);
    expect(sessionCodeMatches('7K0Q1X', '7K0Q1X!')).toBe(false);
  });

  it('record an attendee only while the session runs', () => {
    expect(() => assertSelfRecording(SESSION, 'ABC123', 'abc123', DURING)).not.toThrow();
    expect(() => assertSelfRecording(SESSION, 'ABC123', 'ABC123', SESSION.startsAt)).not.toThrow();
    expect(() => assertSelfRecording(SESSION, 'ABC123', 'ABC123', SESSION.endsAt)).not.toThrow();
    expect(
      refusalOf(() => assertSelfRecording(SESSION, 'ABC123', 'ABC123', new Date('2026-03-04T17:00:01Z')))
        .code,
    ).toBe(CommunityErrorCode.SESSION_CODE_NOT_VALID_NOW);
    expect(refusalOf(() => assertSelfRecording(SESSION, 'ABC123', 'ABC124', DURING)).code).toBe(
      CommunityErrorCode.SESSION_CODE_INVALID,
    );
  });

  it('say nothing about the code outside the window (a wrong code then gets the same answer)', () => {
    expect(
      refusalOf(() => assertSelfRecording(SESSION, 'ABC123', 'WRONG1', new Date('2026-03-05T00:00:00Z')))
        .code,
    ).toBe(CommunityErrorCode.SESSION_CODE_NOT_VALID_NOW);
  });
});

describe('organiser recording', () => {
  it('is allowed from the start until seven days after the end', () => {
    expect(() => assertOrganiserRecording(SESSION, DURING)).not.toThrow();
    expect(() => assertOrganiserRecording(SESSION, new Date('2026-03-11T17:00:00Z'))).not.toThrow();
    expect(refusalOf(() => assertOrganiserRecording(SESSION, new Date('2026-03-11T17:00:01Z'))).code).toBe(
      CommunityErrorCode.ATTENDANCE_WINDOW_CLOSED,
    );
    expect(refusalOf(() => assertOrganiserRecording(SESSION, new Date('2026-03-04T12:59:59Z'))).code).toBe(
      CommunityErrorCode.ATTENDANCE_WINDOW_CLOSED,
    );
  });

  it('records a register in bulk, idempotently, and refuses it whole if anyone is not an attendee', () => {
    const attendees = new Set(['m1', 'm2', 'm3']);
    expect(planBulkAttendance(SESSION, ['m1', 'm2', 'm1', 'm3'], attendees, new Set(['m2']), DURING)).toEqual(
      {
        toRecord: ['m1', 'm3'],
        alreadyRecorded: ['m2'],
      },
    );
    const error = refusalOf(() =>
      planBulkAttendance(SESSION, ['m1', 'x', 'm2', 'y'], attendees, new Set(), DURING),
    );
    expect(error.code).toBe(CommunityErrorCode.NOT_AN_ATTENDEE);
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'memberIds[1]',
      'memberIds[3]',
    ]);
    expect(refusalOf(() => planBulkAttendance(SESSION, [], attendees, new Set(), DURING)).code).toBe(
      CommunityErrorCode.INVALID_INPUT,
    );
  });

  it('records 250 attendees in one plan', () => {
    const ids = Array.from({ length: 250 }, (_, index) => `m${index}`);
    expect(planBulkAttendance(SESSION, ids, new Set(ids), new Set(), DURING).toRecord).toHaveLength(250);
  });
});

describe('attendance summary', () => {
  it('gives attendance per session, retention from the first session and how often people came', () => {
    const attendees = ['a', 'b', 'c', 'd'];
    const records = [
      { sessionId: 's1', memberId: 'a' },
      { sessionId: 's1', memberId: 'b' },
      { sessionId: 's1', memberId: 'c' },
      { sessionId: 's2', memberId: 'a' },
      { sessionId: 's2', memberId: 'b' },
      { sessionId: 's3', memberId: 'a' },
      { sessionId: 's3', memberId: 'a' },
      { sessionId: 's3', memberId: 'stranger' },
    ];
    const summary = attendanceSummary(['s1', 's2', 's3'], attendees, records);
    expect(summary.sessions).toEqual([
      { sessionId: 's1', attended: 3, attendanceRate: 0.75, retentionFromFirst: 1 },
      { sessionId: 's2', attended: 2, attendanceRate: 0.5, retentionFromFirst: 2 / 3 },
      { sessionId: 's3', attended: 1, attendanceRate: 0.25, retentionFromFirst: 1 / 3 },
    ]);
    expect(summary.histogram).toEqual([1, 1, 1, 1]);
    expect(summary.attendedAll).toBe(1);
  });

  it('has no rates to report before anyone attends', () => {
    const summary = attendanceSummary(['s1'], [], []);
    expect(summary.sessions).toEqual([
      { sessionId: 's1', attended: 0, attendanceRate: null, retentionFromFirst: null },
    ]);
  });
});

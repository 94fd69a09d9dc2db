import { CommunityErrorCode } from '../community.exception';
import { refusalOf } from '../testing/refusal';
import { assertCanApply, validateProgramme, type ProgrammeInput } from './programme';
import { canonicalTimeZone, formatInZone, isValidTimeZone, localDateTimeToInstant } from './time-zone';
import {
  wideningParticipationPriority,
  wideningParticipationProblems,
  WIDENING_PARTICIPATION_QUESTIONS,
} from './widening-participation';

describe('time zones', () => {
  it('accepts IANA names in their canonical spelling and refuses offsets and nonsense', () => {
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    for (const zone of ['Europe/Lndon', '+01:00', '-05:00', '', '1', 'GMT+1 ']) {
      expect({ zone, valid: isValidTimeZone(zone) }).toEqual({ zone, valid: false });
    }
  });

  it('turns wall-clock time in a zone into the right UTC instant on both sides of a clock change', () => {
    expect(localDateTimeToInstant('2026-01-15', '13:00', 'Europe/London').toISOString()).toBe(
      '2026-01-15T13:00:00.000Z',
    );
    expect(localDateTimeToInstant('2026-06-15', '13:00', 'Europe/London').toISOString()).toBe(
      '2026-06-15T12:00:00.000Z',
    );
    expect(localDateTimeToInstant('2026-06-15', '09:30', 'Asia/Kolkata').toISOString()).toBe(
      '2026-06-15T04:00:00.000Z',
    );
    expect(localDateTimeToInstant('2026-03-08', '03:00', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('refuses a time the clocks skip, and reads a repeated time as the first one', () => {
    expect(refusalOf(() => localDateTimeToInstant('2026-03-29', '01:30', 'Europe/London')).message).toMatch(
      /does not exist in Europe\/London/,
    );
    // 01:30 happens twice on 25 Oct 2026 in London: first in BST (00:30Z), then in GMT (01:30Z).
    expect(localDateTimeToInstant('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('refuses malformed dates, times and zones with the field named', () => {
    expect(refusalOf(() => localDateTimeToInstant('2026-3-1', '13:00', 'UTC')).message).toMatch(
      /startsAt: must be a date/,
    );
    expect(refusalOf(() => localDateTimeToInstant('2026-03-01', '24:00', 'UTC')).code).toBe(
      CommunityErrorCode.INVALID_INPUT,
    );
    expect(refusalOf(() => localDateTimeToInstant('2026-03-01', '13:00', 'Mars/Olympus')).message).toMatch(
      /not an IANA/,
    );
  });

  it('formats an instant in the session zone', () => {
    expect(formatInZone(new Date('2026-06-15T12:00:00Z'), 'Europe/London')).toBe(
      'Mon, 15 Jun 2026, 13:00 BST',
    );
  });
});

describe('programme rules', () => {
  const session = (day: number, theme = `Session ${day}`) => ({
    theme,
    startsAt: new Date(Date.UTC(2026, 2, day, 13)),
    timeZone: 'Europe/London',
    durationMinutes: 240,
    joiningLink: 'https://meet.example.org/masterclass',
  });
  const input = (overrides: Partial<ProgrammeInput> = {}): ProgrammeInput => ({
    title: '  Medical education research masterclass ',
    description: 'Seven half-day sessions',
    audience: ['MEDICAL_STUDENT', 'FOUNDATION_DOCTOR'],
    capacity: 250,
    applicationOpensAt: new Date('2026-01-01T00:00:00Z'),
    applicationClosesAt: new Date('2026-02-01T00:00:00Z'),
    mode: 'ONLINE',
    sessions: [session(11), session(4)],
    ...overrides,
  });

  it('normalises a valid programme: trimmed, sessions in start order with end instants', () => {
    const programme = validateProgramme(input());
    expect(programme.title).toBe('Medical education research masterclass');
    expect(programme.sessions.map((s) => [s.theme, s.endsAt.toISOString()])).toEqual([
      ['Session 4', '2026-03-04T17:00:00.000Z'],
      ['Session 11', '2026-03-11T17:00:00.000Z'],
    ]);
  });

  it('reports every field problem at once', () => {
    const error = refusalOf(() =>
      validateProgramme(
        input({
          title: ' ',
          audience: ['MEDICAL_STUDENT', 'ASTRONAUT'],
          capacity: 0,
          mode: 'HYBRID',
          applicationClosesAt: new Date('2025-12-01T00:00:00Z'),
          sessions: [
            {
              ...session(4),
              timeZone: 'Europe/Lndon',
              durationMinutes: 5,
              joiningLink: 'http://insecure.example',
            },
          ],
        }),
      ),
    );
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'title',
      'audience[1]',
      'capacity',
      'mode',
      'applicationClosesAt',
      'sessions[0].timeZone',
      'sessions[0].durationMinutes',
      'sessions[0].joiningLink',
    ]);
  });

  it('needs a joining link online but not in person', () => {
    expect(
      refusalOf(() => validateProgramme(input({ sessions: [{ ...session(4), joiningLink: null }] }))).message,
    ).toMatch(/online session needs a joining link/);
    expect(() =>
      validateProgramme(input({ mode: 'IN_PERSON', sessions: [{ ...session(4), joiningLink: null }] })),
    ).not.toThrow();
  });

  it('closes applications before the first session and refuses overlapping sessions', () => {
    const late = refusalOf(() =>
      validateProgramme(input({ applicationClosesAt: new Date('2026-03-05T00:00:00Z') })),
    );
    expect(late.message).toMatch(/applicationClosesAt: must be no later than the first session/);
    const overlap = refusalOf(() =>
      validateProgramme(
        input({
          sessions: [session(4, 'A'), { ...session(4, 'B'), startsAt: new Date(Date.UTC(2026, 2, 4, 16)) }],
        }),
      ),
    );
    expect(overlap.message).toMatch(/"B" starts before "A" ends/);
  });

  it('lets eligible career stages apply inside the window only', () => {
    const programme = validateProgramme(input());
    expect(() =>
      assertCanApply(programme, 'MEDICAL_STUDENT', new Date('2026-01-15T00:00:00Z')),
    ).not.toThrow();
    expect(
      refusalOf(() => assertCanApply(programme, 'CONSULTANT', new Date('2026-01-15T00:00:00Z'))).code,
    ).toBe(CommunityErrorCode.NOT_IN_AUDIENCE);
    expect(
      refusalOf(() => assertCanApply(programme, 'MEDICAL_STUDENT', programme.applicationClosesAt)).code,
    ).toBe(CommunityErrorCode.APPLICATION_WINDOW_CLOSED);
    expect(
      refusalOf(() => assertCanApply(programme, 'MEDICAL_STUDENT', new Date('2025-12-31T23:59:59Z'))).code,
    ).toBe(CommunityErrorCode.APPLICATION_WINDOW_CLOSED);
  });
});

describe('widening-participation priority', () => {
  it('is true when any question is answered YES', () => {
    for (const question of WIDENING_PARTICIPATION_QUESTIONS) {
      expect(wideningParticipationPriority({ [question]: 'YES' })).toBe(true);
    }
    expect(
      wideningParticipationPriority({
        freeSchoolMeals: 'NO',
        disability: 'YES',
        careExperience: 'PREFER_NOT_TO_SAY',
      }),
    ).toBe(true);
  });

  it('is false for NO, prefer not to say and unanswered, so declining to disclose costs nothing and gains nothing', () => {
    expect(wideningParticipationPriority(undefined)).toBe(false);
    expect(wideningParticipationPriority(null)).toBe(false);
    expect(wideningParticipationPriority({})).toBe(false);
    expect(
      wideningParticipationPriority({
        firstGenerationHigherEducation: 'PREFER_NOT_TO_SAY',
        freeSchoolMeals: 'NO',
        careExperience: null,
        minoritisedEthnicGroup: 'PREFER_NOT_TO_SAY',
      }),
    ).toBe(false);
  });

  it('returns only a boolean, whatever the answers', () => {
    expect(typeof wideningParticipationPriority({ disability: 'YES' })).toBe('boolean');
  });

  it('names unknown questions and answers', () => {
    expect(
      wideningParticipationProblems({ disability: 'MAYBE', postcode: 'YES', careExperience: null }),
    ).toEqual([
      {
        field: 'wideningParticipation.disability',
        message: 'must be one of YES, NO, PREFER_NOT_TO_SAY or empty',
      },
      { field: 'wideningParticipation.postcode', message: 'is not a widening-participation question' },
    ]);
  });
});

import { MentorshipErrorCode } from './mentorship.exception';
import {
  assertCanStartMentorship,
  recordCheckIn,
  supervisionViolations,
  validateAgreement,
  validateMentorSettings,
  type StartMentorshipCheck,
} from './relationship-rules';

const at = (iso: string): Date => new Date(iso);

describe('assertCanStartMentorship', () => {
  const base: StartMentorshipCheck = {
    mentee: { memberId: 'e1', careerStage: 'MEDICAL_STUDENT' },
    mentor: {
      memberId: 'r1',
      menteeStages: ['MEDICAL_STUDENT'],
      capacity: 3,
      activeMentees: 2,
      paused: false,
      acceptsDirectRequests: false,
    },
    existingMentorIds: [],
    viaDirectRequest: false,
  };

  it('allows a pairing with a free place', () => {
    expect(() => assertCanStartMentorship(base)).not.toThrow();
  });

  it('refuses a mentor at capacity with MENTOR_AT_CAPACITY', () => {
    expect(() => assertCanStartMentorship({ ...base, mentor: { ...base.mentor, activeMentees: 3 } })).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.MENTOR_AT_CAPACITY }),
    );
  });

  it('refuses a direct request to a mentor who only takes formal matches', () => {
    expect(() => assertCanStartMentorship({ ...base, viaDirectRequest: true })).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.MENTOR_NOT_ACCEPTING_REQUESTS }),
    );
  });

  it('reports the first violation as the code and all of them in details', () => {
    try {
      assertCanStartMentorship({
        ...base,
        existingMentorIds: ['r1'],
        mentor: { ...base.mentor, paused: true },
      });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toMatchObject({ code: MentorshipErrorCode.MENTOR_PAUSED });
      const violations = (error as { details: { violations: { code: string }[] } }).details.violations;
      expect(violations.map((v) => v.code)).toEqual([
        MentorshipErrorCode.MENTOR_PAUSED,
        MentorshipErrorCode.ALREADY_MENTORING,
      ]);
    }
  });
});

describe('validateMentorSettings and validateAgreement', () => {
  it('names each broken field', () => {
    expect(
      validateMentorSettings({ capacity: 0, menteeStages: ['RESIDENT', 'RESIDENT'], formats: [] }),
    ).toEqual([
      {
        field: 'capacity',
        message: 'must be a whole number from 1 to 10 (got 0); pause instead of setting 0',
      },
      { field: 'menteeStages', message: 'must not repeat a stage' },
      { field: 'formats', message: 'must offer at least one format' },
    ]);
    expect(validateMentorSettings({ capacity: 10, menteeStages: [], formats: ['GROUP'] })).toEqual([]);
  });

  it('checks cadence and goals of an agreement', () => {
    expect(
      validateAgreement({
        checkInCadenceDays: 14,
        goals: ['Publish a first abstract'],
        format: 'ONE_TO_ONE',
      }),
    ).toEqual([]);
    expect(
      validateAgreement({ checkInCadenceDays: 91, goals: ['  '], format: 'ONE_TO_ONE' }).map((e) => e.field),
    ).toEqual(['checkInCadenceDays', 'goals[0]']);
  });
});

describe('recordCheckIn', () => {
  const relationship = { startedAt: at('2025-01-01T00:00:00Z'), lastCheckInAt: at('2025-02-10T00:00:00Z') };
  const now = at('2025-02-20T00:00:00Z');

  it('moves the last check-in forward', () => {
    expect(recordCheckIn(relationship, at('2025-02-15T00:00:00Z'), now)).toEqual(at('2025-02-15T00:00:00Z'));
  });

  it('keeps the later date when an older check-in is logged late', () => {
    expect(recordCheckIn(relationship, at('2025-02-01T00:00:00Z'), now)).toEqual(at('2025-02-10T00:00:00Z'));
  });

  it('rejects check-ins before the start or in the future', () => {
    expect(() => recordCheckIn(relationship, at('2024-12-31T00:00:00Z'), now)).toThrow(
      /^Invalid input: heldAt:/,
    );
    expect(() => recordCheckIn(relationship, at('2025-02-21T00:00:00Z'), now)).toThrow(
      /^Invalid input: heldAt:/,
    );
  });
});

describe('supervisionViolations', () => {
  const lead = { memberId: 'lead', careerStage: 'FOUNDATION_DOCTOR' as const };
  const mentor = {
    memberId: 'm1',
    menteeStages: [] as const,
    capacity: 3,
    activeMentees: 0,
    paused: false,
  };
  const codes = (teamMemberIds: string[], overrides = {}) =>
    supervisionViolations(lead, { ...mentor, ...overrides }, { existingMentorIds: [], teamMemberIds }).map(
      (violation) => violation.code,
    );

  it('accepts a mentor outside the team whose rules admit the lead', () => {
    expect(codes(['lead', 'm2'])).toEqual([]);
  });

  it('refuses a member of the winning team: nobody supervises their own project', () => {
    expect(codes(['lead', 'm1'])).toEqual([MentorshipErrorCode.MENTOR_ON_TEAM]);
  });

  it("applies the mentor's own rules: stages they take, capacity, pause", () => {
    expect(codes(['lead'], { menteeStages: ['MEDICAL_STUDENT'] })).toEqual([
      MentorshipErrorCode.NOT_ELIGIBLE_STAGE,
    ]);
    expect(codes(['lead'], { activeMentees: 3, paused: true }).sort()).toEqual(
      [MentorshipErrorCode.MENTOR_AT_CAPACITY, MentorshipErrorCode.MENTOR_PAUSED].sort(),
    );
  });
});

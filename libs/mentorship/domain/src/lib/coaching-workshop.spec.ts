import {
  coachEligibility,
  enrolInWorkshop,
  planCoachingWorkshop,
  withdrawFromWorkshop,
  type CoachingWorkshop,
  type PlanWorkshopInput,
} from './coaching-workshop';
import { MentorshipErrorCode } from './mentorship.exception';

const at = (iso: string): Date => new Date(iso);
const now = at('2025-06-01T12:00:00Z');
const coach = { memberId: 'coach', careerStage: 'RESIDENT' as const, graduationYear: 2021 };
const plan = (overrides: Partial<PlanWorkshopInput> = {}): CoachingWorkshop =>
  planCoachingWorkshop(
    { id: 'w1', coach, title: 'OSCE history taking', startsAt: at('2025-06-10T14:00:00Z'), ...overrides },
    now,
  );
const student = (id: string) => ({ memberId: id, careerStage: 'MEDICAL_STUDENT' as const });

describe('coach eligibility', () => {
  it('accepts residents and foundation doctors up to 5 calendar years after graduating', () => {
    expect(coachEligibility({ ...coach, graduationYear: 2020 }, now)).toEqual({
      eligible: true,
      yearsSinceGraduation: 5,
    });
    expect(
      coachEligibility({ ...coach, careerStage: 'FOUNDATION_DOCTOR', graduationYear: 2025 }, now),
    ).toEqual({
      eligible: true,
      yearsSinceGraduation: 0,
    });
  });

  it('refuses 6 years out, other stages, and future graduation years, saying why', () => {
    expect(coachEligibility({ ...coach, graduationYear: 2019 }, now)).toEqual({
      eligible: false,
      reasons: ['graduationYear: graduated 6 years ago; near-peer coaches graduated within 5'],
    });
    expect(coachEligibility({ ...coach, careerStage: 'CONSULTANT' }, now)).toEqual({
      eligible: false,
      reasons: ['careerStage: must be FOUNDATION_DOCTOR or RESIDENT (got CONSULTANT)'],
    });
    expect(coachEligibility({ ...coach, graduationYear: 2026 }, now).eligible).toBe(false);
  });

  it('stops a workshop being planned by an ineligible coach', () => {
    expect(() => plan({ coach: { ...coach, graduationYear: 2018 } })).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.COACH_NOT_ELIGIBLE }),
    );
  });
});

describe('planning a workshop', () => {
  it('defaults to 120 minutes, 5 places and medical students', () => {
    expect(plan()).toMatchObject({
      durationMinutes: 120,
      capacity: 5,
      eligibleStages: ['MEDICAL_STUDENT'],
      enrolledIds: [],
      waitlistIds: [],
    });
  });

  it('accepts 60 and 180 minutes and rejects 59, 181, 6 places and 0 places', () => {
    expect(plan({ durationMinutes: 60 }).durationMinutes).toBe(60);
    expect(plan({ durationMinutes: 180 }).durationMinutes).toBe(180);
    for (const overrides of [
      { durationMinutes: 59 },
      { durationMinutes: 181 },
      { capacity: 6 },
      { capacity: 0 },
    ]) {
      expect(() => plan(overrides)).toThrow(
        expect.objectContaining({ code: MentorshipErrorCode.INVALID_INPUT }),
      );
    }
    expect(() => plan({ durationMinutes: 200 })).toThrow(
      'durationMinutes: must be a whole number from 60 to 180 minutes (got 200)',
    );
  });
});

describe('enrolment and waitlist', () => {
  const fill = (workshop: CoachingWorkshop, ids: string[]): CoachingWorkshop =>
    ids.reduce((w, id) => enrolInWorkshop(w, student(id), now).workshop, workshop);

  it('never enrols more than the capacity; later students join the waitlist in order', () => {
    const workshop = fill(plan({ capacity: 3 }), ['s1', 's2', 's3', 's4']);
    expect(workshop.enrolledIds).toEqual(['s1', 's2', 's3']);
    expect(workshop.waitlistIds).toEqual(['s4']);
    const next = enrolInWorkshop(workshop, student('s5'), now);
    expect(next).toMatchObject({ outcome: 'WAITLISTED', waitlistPosition: 2 });
    expect(next.workshop.enrolledIds).toHaveLength(3);
  });

  it('promotes the first waitlisted student when an enrolled one withdraws', () => {
    const workshop = fill(plan({ capacity: 2 }), ['s1', 's2', 's3', 's4']);
    const { workshop: after, promotedMemberId } = withdrawFromWorkshop(workshop, 's1', now);
    expect(promotedMemberId).toBe('s3');
    expect(after.enrolledIds).toEqual(['s2', 's3']);
    expect(after.waitlistIds).toEqual(['s4']);
  });

  it('refuses to let an enrolled student leave once the workshop has started, so nobody is promoted into it', () => {
    const workshop = fill(plan({ capacity: 1 }), ['s1', 's2']);
    const started = at('2025-06-10T14:00:00Z');
    expect(() => withdrawFromWorkshop(workshop, 's1', started)).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.WORKSHOP_STARTED }),
    );
    // leaving the waitlist promotes nobody, so it stays possible
    expect(withdrawFromWorkshop(workshop, 's2', started).promotedMemberId).toBeNull();
  });

  it('does not promote anyone when a waitlisted student withdraws', () => {
    const workshop = fill(plan({ capacity: 1 }), ['s1', 's2', 's3']);
    const { workshop: after, promotedMemberId } = withdrawFromWorkshop(workshop, 's2', now);
    expect(promotedMemberId).toBeNull();
    expect(after.enrolledIds).toEqual(['s1']);
    expect(after.waitlistIds).toEqual(['s3']);
  });

  it('reports WORKSHOP_FULL once places and waitlist are both taken', () => {
    const workshop = fill(plan({ capacity: 1, waitlistLimit: 1 }), ['s1', 's2']);
    expect(() => enrolInWorkshop(workshop, student('s3'), now)).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.WORKSHOP_FULL }),
    );
  });

  it('refuses ineligible stages, double enrolment, the coach, withdrawal of strangers and late enrolment', () => {
    const workshop = fill(plan(), ['s1']);
    const expectCode = (fn: () => unknown, code: MentorshipErrorCode): void => {
      expect(fn).toThrow(expect.objectContaining({ code }));
    };
    expectCode(
      () => enrolInWorkshop(workshop, { memberId: 'r', careerStage: 'RESIDENT' }, now),
      MentorshipErrorCode.NOT_ELIGIBLE_STAGE,
    );
    expectCode(() => enrolInWorkshop(workshop, student('s1'), now), MentorshipErrorCode.ALREADY_ENROLLED);
    expectCode(
      () => enrolInWorkshop(workshop, student('coach'), now),
      MentorshipErrorCode.COACH_CANNOT_ENROL,
    );
    expectCode(() => withdrawFromWorkshop(workshop, 'nobody', now), MentorshipErrorCode.NOT_ENROLLED);
    expectCode(
      () => enrolInWorkshop(workshop, student('s9'), at('2025-06-10T14:00:00Z')),
      MentorshipErrorCode.INVALID_INPUT,
    );
  });
});

import {
  addMastermindMember,
  assertOpenNextStepsWithinBound,
  completeNextStep,
  createNextStep,
  formMastermindGroup,
  nextStepsForSession,
  rateSession,
  removeMastermindMember,
  sessionRatingSummary,
  stageMix,
  type MastermindGroup,
  type MastermindSession,
} from './mastermind';
import { MentorshipErrorCode } from './mentorship.exception';

const at = (iso: string): Date => new Date(iso);
const group = (size: number): MastermindGroup =>
  formMastermindGroup({
    id: 'g1',
    facilitatorId: 'f',
    memberIds: Array.from({ length: size - 1 }, (_, k) => `m${k + 1}`),
  });

describe('mastermind group size', () => {
  it('forms groups of 4 to 10 people including the facilitator', () => {
    expect(group(4).memberIds).toEqual(['m1', 'm2', 'm3']);
    expect(group(10).memberIds).toHaveLength(9);
    expect(() => group(3)).toThrow(
      expect.objectContaining({
        code: MentorshipErrorCode.GROUP_SIZE,
        details: { size: 3, min: 4, max: 10 },
      }),
    );
    expect(() => group(11)).toThrow(expect.objectContaining({ code: MentorshipErrorCode.GROUP_SIZE }));
  });

  it('refuses an 11th person and a second membership', () => {
    expect(() => addMastermindMember(group(10), 'new')).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.GROUP_SIZE }),
    );
    expect(addMastermindMember(group(9), 'new').memberIds).toHaveLength(9);
    expect(() => addMastermindMember(group(5), 'm2')).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.ALREADY_GROUP_MEMBER }),
    );
    expect(() => addMastermindMember(group(5), 'f')).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.ALREADY_GROUP_MEMBER }),
    );
  });

  it('lets members leave but flags a group that drops below 4', () => {
    expect(removeMastermindMember(group(5), 'm1')).toMatchObject({
      belowMinimumSize: false,
      group: { memberIds: ['m2', 'm3', 'm4'] },
    });
    expect(removeMastermindMember(group(4), 'm1').belowMinimumSize).toBe(true);
    expect(() => removeMastermindMember(group(4), 'x')).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.NOT_GROUP_MEMBER }),
    );
  });

  it('rejects the facilitator listed as a member too', () => {
    expect(() =>
      formMastermindGroup({ id: 'g', facilitatorId: 'f', memberIds: ['f', 'a', 'b', 'c'] }),
    ).toThrow(expect.objectContaining({ code: MentorshipErrorCode.INVALID_INPUT }));
  });
});

describe('stageMix', () => {
  it('counts every career stage, zeros included', () => {
    const mix = stageMix([
      { careerStage: 'CONSULTANT' },
      { careerStage: 'RESIDENT' },
      { careerStage: 'RESIDENT' },
      { careerStage: 'MEDICAL_STUDENT' },
      { careerStage: 'RESIDENT' },
    ]);
    expect(mix).toEqual({
      counts: {
        MEDICAL_STUDENT: 1,
        FOUNDATION_DOCTOR: 0,
        RESIDENT: 3,
        CONSULTANT: 1,
        ACADEMIC: 0,
        ALLIED_HEALTH: 0,
        OTHER: 0,
      },
      total: 5,
      distinctStages: 3,
    });
  });
});

describe('next steps', () => {
  it('refuse a member more than five open steps in a group, whoever else carries some', () => {
    const open = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];
    expect(() => assertOpenNextStepsWithinBound(open, [{ memberId: 'a' }, { memberId: 'c' }])).not.toThrow();
    let refusal: unknown;
    try {
      assertOpenNextStepsWithinBound(open, [{ memberId: 'a' }, { memberId: 'a' }, { memberId: 'c' }]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: MentorshipErrorCode.INVALID_INPUT,
      details: { fields: [{ field: 'input.nextSteps', rule: 'maxOpenPerMember' }] },
    });
    expect(() => assertOpenNextStepsWithinBound(open, [{ memberId: 'b' }])).toThrow(
      /at most 5 open next steps/,
    );
  });

  const g = group(5);
  const stepA = createNextStep(g, {
    id: 's1',
    memberId: 'm1',
    text: ' Draft abstract ',
    setAt: at('2025-01-10T18:00:00Z'),
  });
  const stepB = createNextStep(g, {
    id: 's2',
    memberId: 'm2',
    text: 'Book teaching slot',
    setAt: at('2025-01-10T18:30:00Z'),
  });

  it('carry over to every later session until the owner reports them done', () => {
    const done = completeNextStep(stepA, 'm1', at('2025-02-20T09:00:00Z'));
    const steps = [done, stepB];
    // Session on 7 Feb: both open. Session on 7 Mar: A was done on 20 Feb, B is still open.
    expect(nextStepsForSession(steps, at('2025-02-07T18:00:00Z')).map((s) => s.id)).toEqual(['s1', 's2']);
    expect(nextStepsForSession(steps, at('2025-03-07T18:00:00Z')).map((s) => s.id)).toEqual(['s2']);
    // Not on the agenda of the session in which they were set.
    expect(nextStepsForSession(steps, at('2025-01-10T18:00:00Z'))).toEqual([]);
    expect(stepA.text).toBe('Draft abstract');
  });

  it('only the owner can report a step done, and only once', () => {
    expect(() => completeNextStep(stepA, 'm2', at('2025-02-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.NEXT_STEP_NOT_OWNER }),
    );
    const done = completeNextStep(stepA, 'm1', at('2025-02-01T00:00:00Z'));
    expect(() => completeNextStep(done, 'm1', at('2025-02-02T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.NEXT_STEP_ALREADY_DONE }),
    );
  });

  it('belong to people in the group', () => {
    expect(() =>
      createNextStep(g, { id: 's3', memberId: 'outsider', text: 'x', setAt: at('2025-01-10T00:00:00Z') }),
    ).toThrow(expect.objectContaining({ code: MentorshipErrorCode.NOT_GROUP_MEMBER }));
  });
});

describe('session ratings', () => {
  const session: MastermindSession = {
    id: 'sess-1',
    groupId: 'g1',
    startsAt: at('2025-02-07T18:00:00Z'),
    attendeeIds: ['m1', 'm2', 'm3'],
    ratings: [],
  };
  const after = at('2025-02-07T20:00:00Z');

  it('accepts one 1-5 rating per attendee and averages them', () => {
    const rated = rateSession(rateSession(session, 'm1', 5, after), 'm2', 2, after);
    expect(sessionRatingSummary(rated)).toEqual({ count: 2, average: 3.5 });
    expect(() => rateSession(rated, 'm1', 4, after)).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.SESSION_ALREADY_RATED }),
    );
    expect(sessionRatingSummary(session)).toEqual({ count: 0, average: null });
  });

  it('refuses non-attendees, ratings outside 1..5 and ratings before the session', () => {
    expect(() => rateSession(session, 'm4', 4, after)).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.NOT_AN_ATTENDEE }),
    );
    expect(() => rateSession(session, 'm1', 6, after)).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.INVALID_RATING }),
    );
    expect(() => rateSession(session, 'm1', 4, at('2025-02-07T17:59:00Z'))).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.INVALID_INPUT }),
    );
  });
});

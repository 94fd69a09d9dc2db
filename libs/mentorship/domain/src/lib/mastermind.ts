import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import { assertValidRating } from './feedback';
import { MentorshipDomainError, MentorshipErrorCode, type FieldError } from './mentorship.exception';

/**
 * Group size counts the facilitator. Under 4 a peer group has too few perspectives; over 10 not everyone gets
 * airtime in a session.
 */
export const MASTERMIND_SIZE = { min: 4, max: 10 } as const;

export interface MastermindGroup {
  readonly id: string;
  readonly facilitatorId: string;
  /** Members other than the facilitator. */
  readonly memberIds: readonly string[];
}

export function mastermindGroupSize(group: Pick<MastermindGroup, 'memberIds'>): number {
  return group.memberIds.length + 1;
}

function sizeError(size: number, action: string): MentorshipDomainError {
  return new MentorshipDomainError(
    MentorshipErrorCode.GROUP_SIZE,
    `memberIds: ${action} gives ${size} people including the facilitator; a mastermind group has ${MASTERMIND_SIZE.min} to ${MASTERMIND_SIZE.max}`,
    { size, min: MASTERMIND_SIZE.min, max: MASTERMIND_SIZE.max },
  );
}

export function formMastermindGroup(input: MastermindGroup): MastermindGroup {
  const errors: FieldError[] = [];
  if (new Set(input.memberIds).size !== input.memberIds.length) {
    errors.push({ field: 'memberIds', message: 'must not list a member twice' });
  }
  if (input.memberIds.includes(input.facilitatorId)) {
    errors.push({
      field: 'memberIds',
      message: 'must not include the facilitator, who is counted separately',
    });
  }
  if (errors.length > 0) throw MentorshipDomainError.invalidInput(errors);
  const size = mastermindGroupSize(input);
  if (size < MASTERMIND_SIZE.min || size > MASTERMIND_SIZE.max) throw sizeError(size, 'forming the group');
  return { id: input.id, facilitatorId: input.facilitatorId, memberIds: [...input.memberIds] };
}

export function addMastermindMember(group: MastermindGroup, memberId: string): MastermindGroup {
  if (memberId === group.facilitatorId || group.memberIds.includes(memberId)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.ALREADY_GROUP_MEMBER,
      `memberId: ${memberId} is already in mastermind group ${group.id}`,
      { groupId: group.id, memberId },
    );
  }
  const size = mastermindGroupSize(group) + 1;
  if (size > MASTERMIND_SIZE.max) throw sizeError(size, 'adding this member');
  return { ...group, memberIds: [...group.memberIds, memberId] };
}

export interface MemberRemoval {
  readonly group: MastermindGroup;
  /** Members can always leave; below the minimum the group should recruit or merge before its next session. */
  readonly belowMinimumSize: boolean;
}

export function removeMastermindMember(group: MastermindGroup, memberId: string): MemberRemoval {
  if (memberId === group.facilitatorId) {
    throw MentorshipDomainError.invalidInput([
      {
        field: 'memberId',
        message: 'the facilitator cannot leave; hand the group to a new facilitator first',
      },
    ]);
  }
  if (!group.memberIds.includes(memberId)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_GROUP_MEMBER,
      `memberId: ${memberId} is not a member of mastermind group ${group.id}`,
      { groupId: group.id, memberId },
    );
  }
  const next = { ...group, memberIds: group.memberIds.filter((id) => id !== memberId) };
  return { group: next, belowMinimumSize: mastermindGroupSize(next) < MASTERMIND_SIZE.min };
}

export interface StageMix {
  /** Every career stage, including those with zero people, so charts and comparisons line up. */
  readonly counts: Readonly<Record<CareerStage, number>>;
  readonly total: number;
  readonly distinctStages: number;
}

/** Pass everyone in the group, facilitator included. */
export function stageMix(participants: readonly { readonly careerStage: CareerStage }[]): StageMix {
  const counts = Object.fromEntries(CAREER_STAGES.map((stage) => [stage, 0])) as Record<CareerStage, number>;
  for (const participant of participants) counts[participant.careerStage] += 1;
  return {
    counts,
    total: participants.length,
    distinctStages: CAREER_STAGES.filter((stage) => counts[stage] > 0).length,
  };
}

export interface MastermindNextStep {
  readonly id: string;
  readonly groupId: string;
  readonly memberId: string;
  readonly text: string;
  readonly setAt: Date;
  readonly doneAt: Date | null;
}

export const NEXT_STEP_TEXT_MAX_LENGTH = 500;
/**
 * Open next steps one member may carry in a group: a next step is a concrete thing to do before the next
 * session, not a backlog. With at most 10 people this bounds a group's `openNextSteps` at 50.
 */
export const MAX_OPEN_NEXT_STEPS_PER_MEMBER = 5;

/**
 * Refuses new steps that would leave a member with more than `MAX_OPEN_NEXT_STEPS_PER_MEMBER` open ones
 * (`open` holds the owners of the group's steps not yet done, one entry per step).
 */
export function assertOpenNextStepsWithinBound(
  open: readonly string[],
  added: ReadonlyArray<{ readonly memberId: string }>,
): void {
  const counts = new Map<string, number>();
  for (const memberId of [...open, ...added.map((step) => step.memberId)]) {
    counts.set(memberId, (counts.get(memberId) ?? 0) + 1);
  }
  const over = [...new Set(added.map((step) => step.memberId))].filter(
    (memberId) => (counts.get(memberId) ?? 0) > MAX_OPEN_NEXT_STEPS_PER_MEMBER,
  );
  if (over.length > 0) {
    throw MentorshipDomainError.invalid(
      'input.nextSteps',
      'maxOpenPerMember',
      `at most ${MAX_OPEN_NEXT_STEPS_PER_MEMBER} open next steps per member; report some done first (${over.join(', ')})`,
    );
  }
}

export function createNextStep(
  group: MastermindGroup,
  input: { readonly id: string; readonly memberId: string; readonly text: string; readonly setAt: Date },
): MastermindNextStep {
  if (input.memberId !== group.facilitatorId && !group.memberIds.includes(input.memberId)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_GROUP_MEMBER,
      `memberId: ${input.memberId} is not in mastermind group ${group.id}`,
      { groupId: group.id, memberId: input.memberId },
    );
  }
  const text = input.text.trim();
  if (text.length === 0 || text.length > NEXT_STEP_TEXT_MAX_LENGTH) {
    throw MentorshipDomainError.invalidInput([
      { field: 'text', message: `must be 1 to ${NEXT_STEP_TEXT_MAX_LENGTH} characters` },
    ]);
  }
  return {
    id: input.id,
    groupId: group.id,
    memberId: input.memberId,
    text,
    setAt: input.setAt,
    doneAt: null,
  };
}

/**
 * The next steps on a session's agenda: every step set before the session starts that was still open at that
 * moment. An open step therefore reappears session after session until its owner reports it done, and a past
 * session's agenda stays what it was even after steps are completed later.
 */
export function nextStepsForSession(
  steps: readonly MastermindNextStep[],
  sessionStartsAt: Date,
): MastermindNextStep[] {
  const start = sessionStartsAt.getTime();
  return steps.filter(
    (step) => step.setAt.getTime() < start && (step.doneAt === null || step.doneAt.getTime() >= start),
  );
}

/** Only the owner reports their own step done; the group reviews, it does not tick boxes for people. */
export function completeNextStep(step: MastermindNextStep, reporterId: string, at: Date): MastermindNextStep {
  if (reporterId !== step.memberId) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NEXT_STEP_NOT_OWNER,
      'reporterId: only the member who owns a next step can report it done',
      { stepId: step.id },
    );
  }
  if (step.doneAt !== null) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NEXT_STEP_ALREADY_DONE,
      `stepId: next step ${step.id} was already reported done`,
      { stepId: step.id, doneAt: step.doneAt.toISOString() },
    );
  }
  return { ...step, doneAt: at };
}

export interface SessionRating {
  readonly memberId: string;
  readonly rating: number;
  readonly ratedAt: Date;
}

export interface MastermindSession {
  readonly id: string;
  readonly groupId: string;
  readonly startsAt: Date;
  readonly attendeeIds: readonly string[];
  readonly ratings: readonly SessionRating[];
}

export function rateSession(
  session: MastermindSession,
  memberId: string,
  rating: number,
  now: Date,
): MastermindSession {
  if (!session.attendeeIds.includes(memberId)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_AN_ATTENDEE,
      `memberId: only attendees of session ${session.id} can rate it`,
      { sessionId: session.id, memberId },
    );
  }
  if (now.getTime() < session.startsAt.getTime()) {
    throw MentorshipDomainError.invalidInput([
      { field: 'sessionId', message: 'a session can be rated once it has started' },
    ]);
  }
  assertValidRating(rating);
  if (session.ratings.some((existing) => existing.memberId === memberId)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.SESSION_ALREADY_RATED,
      `memberId: ${memberId} has already rated session ${session.id}; one rating per attendee`,
      { sessionId: session.id, memberId },
    );
  }
  return { ...session, ratings: [...session.ratings, { memberId, rating, ratedAt: now }] };
}

export function sessionRatingSummary(session: Pick<MastermindSession, 'ratings'>): {
  readonly count: number;
  readonly average: number | null;
} {
  const count = session.ratings.length;
  if (count === 0) return { count, average: null };
  return { count, average: session.ratings.reduce((sum, r) => sum + r.rating, 0) / count };
}

import { MentorshipDomainError, MentorshipErrorCode } from './mentorship.exception';

export type FeedbackSide = 'MENTOR' | 'MENTEE';

/**
 * Feedback periods are calendar months in UTC, written `YYYY-MM`. A fixed calendar (rather than the agreement's
 * cadence) means both sides, the programme dashboard and the reminder job agree on the boundaries without
 * reading each agreement, and a cadence change mid-relationship cannot reopen or skip a period.
 */
export function feedbackPeriodOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const RATING = { min: 1, max: 5 } as const;

/** Ratings at or below this offer the member a new pairing (never forced; the member chooses). */
export const LOW_RATING_THRESHOLD = 2;

export function offersRePairing(rating: number): boolean {
  return rating <= LOW_RATING_THRESHOLD;
}

export const FEEDBACK_COMMENT_MAX_LENGTH = 2000;

export interface RelationshipParties {
  readonly relationshipId: string;
  readonly mentorId: string;
  readonly menteeId: string;
}

export interface FeedbackEntry {
  readonly relationshipId: string;
  readonly period: string;
  readonly side: FeedbackSide;
  readonly authorId: string;
  readonly rating: number;
  readonly comment: string | null;
  readonly givenAt: Date;
}

export function sideOf(parties: RelationshipParties, memberId: string): FeedbackSide | null {
  if (memberId === parties.mentorId) return 'MENTOR';
  if (memberId === parties.menteeId) return 'MENTEE';
  return null;
}

export function assertValidRating(rating: number, field = 'rating'): void {
  if (!Number.isInteger(rating) || rating < RATING.min || rating > RATING.max) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.INVALID_RATING,
      `${field}: must be a whole number from ${RATING.min} to ${RATING.max} (got ${rating})`,
      { field, min: RATING.min, max: RATING.max },
    );
  }
}

export interface GiveFeedbackInput {
  readonly parties: RelationshipParties;
  /** All feedback already given on this relationship (any period is fine; it is filtered here). */
  readonly existing: readonly FeedbackEntry[];
  readonly authorId: string;
  readonly rating: number;
  readonly comment?: string | null;
  readonly now: Date;
}

export interface GivenFeedback {
  readonly entry: FeedbackEntry;
  /** The rating is low enough that the author should be offered a re-pairing. */
  readonly offerRePairing: boolean;
}

/** One entry per side per period; the period is the one containing `now`. */
export function giveFeedback(input: GiveFeedbackInput): GivenFeedback {
  const side = sideOf(input.parties, input.authorId);
  if (side === null) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_A_PARTICIPANT,
      'authorId: only the mentor or the mentee of this relationship can give feedback on it',
      { relationshipId: input.parties.relationshipId },
    );
  }
  assertValidRating(input.rating);
  const comment = input.comment?.trim() ?? '';
  if (comment.length > FEEDBACK_COMMENT_MAX_LENGTH) {
    throw MentorshipDomainError.invalidInput([
      {
        field: 'comment',
        message: `must be at most ${FEEDBACK_COMMENT_MAX_LENGTH} characters (got ${comment.length})`,
      },
    ]);
  }
  const period = feedbackPeriodOf(input.now);
  const duplicate = input.existing.some(
    (entry) =>
      entry.relationshipId === input.parties.relationshipId && entry.period === period && entry.side === side,
  );
  if (duplicate) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.FEEDBACK_ALREADY_GIVEN,
      `period: the ${side.toLowerCase()} has already given feedback for ${period}; one per side per month`,
      { relationshipId: input.parties.relationshipId, period, side },
    );
  }
  const entry: FeedbackEntry = {
    relationshipId: input.parties.relationshipId,
    period,
    side,
    authorId: input.authorId,
    rating: input.rating,
    comment: comment === '' ? null : comment,
    givenAt: input.now,
  };
  return { entry, offerRePairing: offersRePairing(input.rating) };
}

/**
 * What one side may read: its own entries always, the other side's only for periods in which both have given
 * theirs. Blind until both submit, so neither rating is a reaction to the other.
 */
export function visibleFeedback(entries: readonly FeedbackEntry[], viewer: FeedbackSide): FeedbackEntry[] {
  const sidesByPeriod = new Map<string, Set<FeedbackSide>>();
  for (const entry of entries) {
    const key = `${entry.relationshipId}\u0000${entry.period}`;
    const sides = sidesByPeriod.get(key) ?? new Set<FeedbackSide>();
    sides.add(entry.side);
    sidesByPeriod.set(key, sides);
  }
  return entries.filter(
    (entry) =>
      entry.side === viewer || sidesByPeriod.get(`${entry.relationshipId}\u0000${entry.period}`)?.size === 2,
  );
}

import {
  feedbackPeriodOf,
  giveFeedback,
  offersRePairing,
  visibleFeedback,
  type FeedbackEntry,
} from './feedback';
import { MentorshipErrorCode } from './mentorship.exception';

const parties = { relationshipId: 'rel-1', mentorId: 'mentor', menteeId: 'mentee' };
const at = (iso: string): Date => new Date(iso);

describe('feedback periods', () => {
  it('are UTC calendar months', () => {
    expect(feedbackPeriodOf(at('2025-03-31T23:59:59Z'))).toBe('2025-03');
    expect(feedbackPeriodOf(at('2025-04-01T00:00:00Z'))).toBe('2025-04');
    // 23:30 on 31 Dec in New York is already January in UTC.
    expect(feedbackPeriodOf(at('2025-12-31T23:30:00-05:00'))).toBe('2026-01');
  });
});

describe('giveFeedback', () => {
  it('records the side, period and trimmed comment', () => {
    const { entry, offerRePairing } = giveFeedback({
      parties,
      existing: [],
      authorId: 'mentee',
      rating: 4,
      comment: '  Helpful session on my portfolio ',
      now: at('2025-03-15T10:00:00Z'),
    });
    expect(entry).toEqual({
      relationshipId: 'rel-1',
      period: '2025-03',
      side: 'MENTEE',
      authorId: 'mentee',
      rating: 4,
      comment: 'Helpful session on my portfolio',
      givenAt: at('2025-03-15T10:00:00Z'),
    });
    expect(offerRePairing).toBe(false);
  });

  it('allows one entry per side per month, and the other side or the next month freely', () => {
    const first = giveFeedback({
      parties,
      existing: [],
      authorId: 'mentor',
      rating: 5,
      now: at('2025-03-01T00:00:00Z'),
    });
    const existing = [first.entry];
    expect(() =>
      giveFeedback({ parties, existing, authorId: 'mentor', rating: 3, now: at('2025-03-31T23:59:59Z') }),
    ).toThrow(expect.objectContaining({ code: MentorshipErrorCode.FEEDBACK_ALREADY_GIVEN }));
    expect(() =>
      giveFeedback({ parties, existing, authorId: 'mentee', rating: 3, now: at('2025-03-20T00:00:00Z') }),
    ).not.toThrow();
    expect(() =>
      giveFeedback({ parties, existing, authorId: 'mentor', rating: 3, now: at('2025-04-01T00:00:00Z') }),
    ).not.toThrow();
  });

  it('offers re-pairing at a rating of 2 or below, not at 3', () => {
    expect([1, 2, 3, 5].map(offersRePairing)).toEqual([true, true, false, false]);
    expect(
      giveFeedback({ parties, existing: [], authorId: 'mentee', rating: 2, now: at('2025-03-01T00:00:00Z') })
        .offerRePairing,
    ).toBe(true);
  });

  it('rejects outsiders and ratings outside 1..5', () => {
    const now = at('2025-03-01T00:00:00Z');
    expect(() => giveFeedback({ parties, existing: [], authorId: 'someone', rating: 3, now })).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.NOT_A_PARTICIPANT }),
    );
    for (const rating of [0, 6, 3.5]) {
      expect(() => giveFeedback({ parties, existing: [], authorId: 'mentee', rating, now })).toThrow(
        expect.objectContaining({ code: MentorshipErrorCode.INVALID_RATING }),
      );
    }
  });
});

describe('visibleFeedback', () => {
  const entry = (period: string, side: 'MENTOR' | 'MENTEE', rating: number): FeedbackEntry => ({
    relationshipId: 'rel-1',
    period,
    side,
    authorId: side === 'MENTOR' ? 'mentor' : 'mentee',
    rating,
    comment: null,
    givenAt: at(`${period}-10T00:00:00Z`),
  });
  // March: both sides gave feedback. April: only the mentor so far.
  const entries = [
    entry('2025-03', 'MENTOR', 4),
    entry('2025-03', 'MENTEE', 2),
    entry('2025-04', 'MENTOR', 5),
  ];

  it('shows the other side only for periods where both have given theirs', () => {
    expect(visibleFeedback(entries, 'MENTEE').map((e) => `${e.period}/${e.side}`)).toEqual([
      '2025-03/MENTOR',
      '2025-03/MENTEE',
    ]);
  });

  it('always shows a side its own feedback', () => {
    expect(visibleFeedback(entries, 'MENTOR').map((e) => `${e.period}/${e.side}`)).toEqual([
      '2025-03/MENTOR',
      '2025-03/MENTEE',
      '2025-04/MENTOR',
    ]);
  });
});

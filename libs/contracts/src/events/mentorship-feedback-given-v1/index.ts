import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/** Feedback on a relationship: the rating only; the comment stays private to the pair. */
export const MentorshipFeedbackGivenV1 = defineEvent({
  service: 'mentorship',
  entity: 'feedback',
  happened: 'given',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    feedbackId: z.uuid(),
    relationshipId: z.uuid(),
    authorId: memberIdSchema,
    side: z.enum(['MENTOR', 'MENTEE']),
    /** Calendar month in UTC, `YYYY-MM`: one feedback per side per period. */
    period: z.string().regex(/^\d{4}-\d{2}$/),
    rating: z.number().int().min(1).max(5),
  }),
});

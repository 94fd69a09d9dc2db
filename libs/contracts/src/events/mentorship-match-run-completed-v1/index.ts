import { z } from 'zod';
import { defineEvent } from '../../envelope';

/** A formal matching run finished computing its proposals (before an admin reviews and approves them). */
export const MentorshipMatchRunCompletedV1 = defineEvent({
  service: 'mentorship',
  entity: 'match-run',
  happened: 'completed',
  version: 1,
  payload: z.object({
    runId: z.uuid(),
    menteeCount: z.number().int().nonnegative(),
    mentorCount: z.number().int().nonnegative(),
    matchedCount: z.number().int().nonnegative(),
    unmatchedCount: z.number().int().nonnegative(),
    totalScore: z.number().int().nonnegative(),
    completedAt: z.iso.datetime({ offset: true }),
  }),
});

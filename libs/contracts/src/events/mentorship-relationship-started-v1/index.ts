import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/**
 * A mentoring or supervision relationship became active: a request accepted, an approved formal match, or a
 * confirmed supervisor for a competition winner (`origin`).
 */
export const MentorshipRelationshipStartedV1 = defineEvent({
  service: 'mentorship',
  entity: 'relationship',
  happened: 'started',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    relationshipId: z.uuid(),
    mentorId: memberIdSchema,
    menteeId: memberIdSchema,
    kind: z.enum(['MENTORING', 'SUPERVISION']),
    origin: z.enum(['REQUEST', 'MATCHING', 'COMPETITION']),
    startedAt: z.iso.datetime({ offset: true }),
  }),
});

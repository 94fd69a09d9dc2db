import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/** A mentee asked a mentor directly. The request message is private to the two and never travels. */
export const MentorshipRelationshipRequestedV1 = defineEvent({
  service: 'mentorship',
  entity: 'relationship',
  happened: 'requested',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    relationshipId: z.uuid(),
    mentorId: memberIdSchema,
    menteeId: memberIdSchema,
    kind: z.enum(['MENTORING', 'SUPERVISION']),
    requestedAt: z.iso.datetime({ offset: true }),
  }),
});

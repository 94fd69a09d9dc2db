import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/**
 * A relationship ended (`ENDED`, by either side) or a request was declined (`DECLINED`). The reason and any
 * message stay private to the pair; only who closed it and when travel.
 */
export const MentorshipRelationshipEndedV1 = defineEvent({
  service: 'mentorship',
  entity: 'relationship',
  happened: 'ended',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    relationshipId: z.uuid(),
    mentorId: memberIdSchema,
    menteeId: memberIdSchema,
    kind: z.enum(['MENTORING', 'SUPERVISION']),
    outcome: z.enum(['DECLINED', 'ENDED']),
    endedBy: memberIdSchema,
    endedAt: z.iso.datetime({ offset: true }),
  }),
});

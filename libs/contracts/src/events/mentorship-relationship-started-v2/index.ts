import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/**
 * A mentoring or supervision relationship became active, v2: a supervision confirmed for a competition winner
 * now names the competition and the winning proposal, so funding can record the supervisor on the award that
 * proposal won (v1 named only the two members, and a PI may hold several awards). Both are null for other origins.
 */
export const MentorshipRelationshipStartedV2 = defineEvent({
  service: 'mentorship',
  entity: 'relationship',
  happened: 'started',
  version: 2,
  consumers: ['funding', 'engagement'],
  payload: z.object({
    relationshipId: z.uuid(),
    mentorId: memberIdSchema,
    menteeId: memberIdSchema,
    kind: z.enum(['MENTORING', 'SUPERVISION']),
    origin: z.enum(['REQUEST', 'MATCHING', 'COMPETITION']),
    competitionId: z.uuid().nullable(),
    proposalId: z.uuid().nullable(),
    startedAt: z.iso.datetime({ offset: true }),
  }),
});

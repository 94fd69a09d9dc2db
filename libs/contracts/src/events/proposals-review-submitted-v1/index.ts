import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/**
 * A judge saved a complete score sheet (first time or an edit). Scores stay in the proposals service: judges
 * never see each other's scores, so they do not travel. In a blind competition `judgeId` is null and the
 * envelope carries no actor.
 */
export const ReviewSubmittedV1 = defineEvent({
  service: 'proposals',
  entity: 'review',
  happened: 'submitted',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    reviewId: z.uuid(),
    proposalId: z.uuid(),
    competitionId: z.uuid(),
    judgeId: memberIdSchema.nullable(),
    edit: z.boolean(),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
});

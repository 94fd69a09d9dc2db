import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { participantSchema } from '../../vocabulary';

/**
 * A member applied to a programme. Deliberately without the motivation, the widening-participation answers and
 * the priority flag derived from them: those are read by the applicant alone.
 */
export const CommunityApplicationSubmittedV1 = defineEvent({
  service: 'community',
  entity: 'application',
  happened: 'submitted',
  version: 1,
  consumers: ['engagement'],
  payload: participantSchema.extend({
    applicationId: z.uuid(),
    programmeId: z.uuid(),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../../envelope';

/**
 * An anonymous reflection was submitted to a programme. The programme and the day only: no member (the envelope's
 * actor is null too), no reflection id, no answers, so the event links nobody to any reflection.
 */
export const CommunityReflectionSubmittedV1 = defineEvent({
  service: 'community',
  entity: 'reflection',
  happened: 'submitted',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    programmeId: z.uuid(),
    submittedOn: z.iso.date(),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { isoWeekSchema } from '../../vocabulary';
import { erosionFacts } from '../funding-shared';

/** A member's protected time is being eroded: utilisation below the threshold for N complete weeks. Once per episode. */
export const ProtectedTimeAtRiskV1 = defineEvent({
  service: 'funding',
  entity: 'protected-time',
  happened: 'at-risk',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    ...erosionFacts,
    firstLowWeek: isoWeekSchema,
    detectedAt: z.iso.datetime({ offset: true }),
  }),
});

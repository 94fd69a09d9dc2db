import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { isoWeekSchema } from '../../vocabulary';
import { erosionFacts } from '../funding-shared';

/** The first complete week back at or above the threshold ended the episode. Once per episode. */
export const ProtectedTimeRecoveredV1 = defineEvent({
  service: 'funding',
  entity: 'protected-time',
  happened: 'recovered',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    ...erosionFacts,
    recoveredWeek: isoWeekSchema,
    detectedAt: z.iso.datetime({ offset: true }),
  }),
});

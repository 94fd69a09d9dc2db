import { z } from 'zod';
import { nonNegativeMoneySchema } from '../../vocabulary';
import { awardEvent } from '../funding-shared';

/**
 * An admin closed the award after its final report; `paid` is what it spent. No service consumes it yet, so no
 * service is granted its topic.
 */
export const AwardClosedV1 = awardEvent(
  'closed',
  { outcome: z.enum(['CLOSED', 'CANCELLED']), paid: nonNegativeMoneySchema },
  [],
);

import { z } from 'zod';
import { nonNegativeMoneySchema } from '../../vocabulary';
import { awardEvent } from '../funding-shared';

/** An award was offered: by an admin, or automatically to a competition winner (`requested`, `capped`). */
export const AwardOfferedV1 = awardEvent('offered', {
  /** What the winner asked for, when the award came from a competition. */
  requested: nonNegativeMoneySchema.nullable(),
  /** Why the offer is below the request (the competition's funds ran out in rank order), else null. */
  cappedReason: z.string().nullable(),
  requestedHours: z.number().nonnegative().nullable(),
});

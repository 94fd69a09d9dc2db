import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { allocationFacts } from '../funding-shared';

/** Protected time proposed for a member on an award (automatically on acceptance, or by an admin). */
export const ProtectedTimeAllocatedV1 = defineEvent({
  service: 'funding',
  entity: 'protected-time',
  happened: 'allocated',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    ...allocationFacts,
    /** The allocation this one replaces from `from` on (a change of amount), else null. */
    replacesAllocationId: z.uuid().nullable(),
    allocatedAt: z.iso.datetime({ offset: true }),
  }),
});

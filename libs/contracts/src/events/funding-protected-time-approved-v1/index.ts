import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';
import { allocationFacts } from '../funding-shared';

/** The member's institution (a lead) or an admin released the time. */
export const ProtectedTimeApprovedV1 = defineEvent({
  service: 'funding',
  entity: 'protected-time',
  happened: 'approved',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    ...allocationFacts,
    approvedBy: memberIdSchema,
    approverRole: z.enum(['LEAD', 'ADMIN']),
    approvedAt: z.iso.datetime({ offset: true }),
  }),
});

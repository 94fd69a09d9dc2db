import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/** A mastermind group met. Counts only: resources, referrals and next steps stay inside the group. */
export const MentorshipMastermindSessionHeldV1 = defineEvent({
  service: 'mentorship',
  entity: 'mastermind',
  happened: 'session-held',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    sessionId: z.uuid(),
    groupId: z.uuid(),
    heldAt: z.iso.datetime({ offset: true }),
    attendeeIds: z.array(memberIdSchema),
    resourceCount: z.number().int().nonnegative(),
    referralCount: z.number().int().nonnegative(),
    nextStepCount: z.number().int().nonnegative(),
  }),
});

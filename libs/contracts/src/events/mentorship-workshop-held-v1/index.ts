import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/** A near-peer coaching workshop took place, with who attended. */
export const MentorshipWorkshopHeldV1 = defineEvent({
  service: 'mentorship',
  entity: 'workshop',
  happened: 'held',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    workshopId: z.uuid(),
    coachId: memberIdSchema,
    heldAt: z.iso.datetime({ offset: true }),
    attendeeIds: z.array(memberIdSchema),
    capacity: z.number().int().positive(),
    /** How many were still on the waitlist when it was held (a count: who stays in mentorship). Optional: older events lack it. */
    waitlisted: z.number().int().nonnegative().optional(),
  }),
});

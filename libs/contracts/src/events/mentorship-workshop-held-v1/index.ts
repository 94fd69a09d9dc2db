import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/** A near-peer coaching workshop took place, with who attended. */
export const MentorshipWorkshopHeldV1 = defineEvent({
  service: 'mentorship',
  entity: 'workshop',
  happened: 'held',
  version: 1,
  payload: z.object({
    workshopId: z.uuid(),
    coachId: memberIdSchema,
    heldAt: z.iso.datetime({ offset: true }),
    attendeeIds: z.array(memberIdSchema),
    capacity: z.number().int().positive(),
  }),
});

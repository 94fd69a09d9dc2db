import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { memberIdSchema } from '../../vocabulary';

/** A check-in happened. Progress, wellbeing and next steps are private to the pair and are not on the event. */
export const MentorshipCheckInLoggedV1 = defineEvent({
  service: 'mentorship',
  entity: 'check-in',
  happened: 'logged',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    checkInId: z.uuid(),
    relationshipId: z.uuid(),
    mentorId: memberIdSchema,
    menteeId: memberIdSchema,
    loggedBy: memberIdSchema,
    heldAt: z.iso.datetime({ offset: true }),
    /**
     * The check-in cadence both sides agreed in their mentoring agreement, in days; null while none is agreed
     * (the programme's default applies). Optional: events published before it was added do not carry it.
     */
    agreedCadenceDays: z.number().int().positive().nullable().optional(),
  }),
});

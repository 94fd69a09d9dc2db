import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { interestTagsSchema } from '../../vocabulary';

/**
 * A mastermind group was formed. Only what anyone may see of it (name, interest tags, cadence, size), so
 * communities can list it under their interests: who is in the group stays in mentorship.
 */
export const MentorshipMastermindGroupFormedV1 = defineEvent({
  service: 'mentorship',
  entity: 'mastermind',
  happened: 'group-formed',
  version: 1,
  consumers: ['community'],
  payload: z.object({
    groupId: z.uuid(),
    name: z.string().min(1),
    /** `normaliseInterestTags`: lower case, no repeats. */
    tags: interestTagsSchema,
    cadenceDays: z.number().int().positive(),
    /** People in the group, facilitator included. */
    size: z.number().int().positive(),
    formedAt: z.iso.datetime({ offset: true }),
  }),
});

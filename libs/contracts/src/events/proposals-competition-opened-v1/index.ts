import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { interestTagsSchema } from '../../vocabulary';

/**
 * A competition started accepting submissions. Carries what an applicant needs to decide to enter, and the
 * competition's interest tags (lower case) that communities list it under. `tags` was added later as an optional
 * field: events published before it have none, and read as untagged.
 */
export const CompetitionOpenedV1 = defineEvent({
  service: 'proposals',
  entity: 'competition',
  happened: 'opened',
  version: 1,
  consumers: ['community'],
  payload: z.object({
    competitionId: z.uuid(),
    title: z.string().min(1),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    judgingEndsAt: z.iso.datetime({ offset: true }),
    blind: z.boolean(),
    winnersCount: z.number().int().nonnegative(),
    fundingAvailable: z.number().nonnegative().nullable(),
    protectedHoursAvailable: z.number().nonnegative().nullable(),
    tags: interestTagsSchema.optional(),
  }),
});

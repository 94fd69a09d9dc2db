import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { interestsSchema, memberIdSchema } from '../../vocabulary';

/** A community of practice (an interest group such as "Assessment") was created by an admin. */
export const CommunityCreatedV1 = defineEvent({
  service: 'community',
  entity: 'community',
  happened: 'created',
  version: 1,
  // no service consumes it yet, so none is granted its topic (add the consumer with its projection)
  consumers: [],
  payload: z.object({
    communityId: z.uuid(),
    name: z.string().min(1),
    interests: interestsSchema,
    moderatorIds: z.array(memberIdSchema),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});

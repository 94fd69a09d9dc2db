import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { participantSchema } from '../../vocabulary';

/** A member left a community of practice; `memberCount` is the community's size after leaving. */
export const CommunityMemberLeftV1 = defineEvent({
  service: 'community',
  entity: 'member',
  happened: 'left',
  version: 1,
  // no service consumes it yet, so none is granted its topic (add the consumer with its projection)
  consumers: [],
  payload: participantSchema.extend({
    communityId: z.uuid(),
    leftAt: z.iso.datetime({ offset: true }),
    memberCount: z.number().int().nonnegative(),
  }),
});

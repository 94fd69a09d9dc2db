import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { participantSchema } from '../../vocabulary';

/** A member joined a community of practice; `memberCount` is the community's size after joining. */
export const CommunityMemberJoinedV1 = defineEvent({
  service: 'community',
  entity: 'member',
  happened: 'joined',
  version: 1,
  // no service consumes it yet, so none is granted its topic (add the consumer with its projection)
  consumers: [],
  payload: participantSchema.extend({
    communityId: z.uuid(),
    joinedAt: z.iso.datetime({ offset: true }),
    memberCount: z.number().int().nonnegative(),
  }),
});

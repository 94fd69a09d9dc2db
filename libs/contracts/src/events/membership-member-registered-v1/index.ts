import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { MEMBER_REPLICA_CONSUMERS } from '../../member-replica-consumers';
import { careerStageSchema, institutionIdSchema, interestsSchema, memberIdSchema } from '../../vocabulary';

/** Public profile of a newly registered member. No email, no password, no demographics. */
export const MemberRegisteredV1 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'registered',
  version: 1,
  consumers: MEMBER_REPLICA_CONSUMERS,
  payload: z.object({
    memberId: memberIdSchema,
    displayName: z.string().min(1),
    careerStage: careerStageSchema,
    institutionId: institutionIdSchema,
    specialty: z.string().nullable(),
    interests: interestsSchema,
    registeredAt: z.iso.datetime({ offset: true }),
  }),
});

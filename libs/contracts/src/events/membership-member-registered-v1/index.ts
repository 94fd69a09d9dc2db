import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { MEMBER_REPLICA_CONSUMERS } from '../../member-replica-consumers';
import {
  careerStageSchema,
  institutionIdSchema,
  interestsSchema,
  memberIdSchema,
  profileConfirmationShape,
} from '../../vocabulary';

/**
 * Public profile of a newly registered member. No email, no password, no demographics. A new member's institution
 * and career stage are unconfirmed (`false`) until a lead or an admin confirms them (then `profile-updated`).
 */
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
    ...profileConfirmationShape,
    registeredAt: z.iso.datetime({ offset: true }),
  }),
});

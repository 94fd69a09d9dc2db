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
 * The member's public profile after the change (a full snapshot: the newest by `sequence` wins). A confirmation
 * of a new member's registration is one too: `changedFields: ['institutionConfirmed', 'careerStageConfirmed']`.
 */
export const MemberProfileUpdatedV1 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'profile-updated',
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
    changedFields: z.array(z.string()),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { MEMBER_REPLICA_CONSUMERS } from '../../member-replica-consumers';
import { institutionIdSchema, memberIdSchema, roleSchema } from '../../vocabulary';

export const MemberRoleGrantedV1 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'role-granted',
  version: 1,
  consumers: MEMBER_REPLICA_CONSUMERS,
  confersRights: true,
  payload: z.object({
    memberId: memberIdSchema,
    role: roleSchema,
    /** Set for `lead` (the institution the lead watches); null otherwise. */
    institutionId: institutionIdSchema.nullable(),
  }),
});

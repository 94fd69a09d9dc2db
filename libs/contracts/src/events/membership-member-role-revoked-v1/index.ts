import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { MEMBER_REPLICA_CONSUMERS } from '../../member-replica-consumers';
import { institutionIdSchema, memberIdSchema, roleSchema } from '../../vocabulary';

export const MemberRoleRevokedV1 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'role-revoked',
  version: 1,
  consumers: MEMBER_REPLICA_CONSUMERS,
  confersRights: true,
  payload: z.object({
    memberId: memberIdSchema,
    role: roleSchema,
    institutionId: institutionIdSchema.nullable(),
  }),
});

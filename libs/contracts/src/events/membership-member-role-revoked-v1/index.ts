import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { institutionIdSchema, memberIdSchema, roleSchema } from '../../vocabulary';

export const MemberRoleRevokedV1 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'role-revoked',
  version: 1,
  consumers: ['proposals', 'mentorship', 'community'],
  confersRights: true,
  payload: z.object({
    memberId: memberIdSchema,
    role: roleSchema,
    institutionId: institutionIdSchema.nullable(),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { institutionIdSchema, memberIdSchema, roleSchema } from '../../vocabulary';

export const MemberRoleGrantedV1 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'role-granted',
  version: 1,
  consumers: ['proposals', 'mentorship', 'community'],
  confersRights: true,
  payload: z.object({
    memberId: memberIdSchema,
    role: roleSchema,
    /** Set for `lead` (the institution the lead watches); null otherwise. */
    institutionId: institutionIdSchema.nullable(),
  }),
});

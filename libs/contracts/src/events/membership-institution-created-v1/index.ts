import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { MEMBER_REPLICA_CONSUMERS } from '../../member-replica-consumers';
import { institutionIdSchema } from '../../vocabulary';

export const InstitutionCreatedV1 = defineEvent({
  service: 'membership',
  entity: 'institution',
  happened: 'created',
  version: 1,
  consumers: MEMBER_REPLICA_CONSUMERS,
  payload: z.object({
    institutionId: institutionIdSchema,
    name: z.string().min(1),
    country: z.string().length(2),
  }),
});

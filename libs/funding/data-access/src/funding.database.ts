import {
  CreateMemberReplicaTables1796000000000,
  MEMBER_REPLICA_ENTITIES,
} from '@praxis/platform/member-replica';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { FUNDING_ENTITIES } from './funding.entities';
import { FundingSchema1796102918205 } from './migrations/1796102918205-funding-schema';

/** Everything the funding database holds: for the app, the migration tools and the drift check. */
export const fundingDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBER_REPLICA_ENTITIES, ...FUNDING_ENTITIES],
  migrations: [...MESSAGING_MIGRATIONS, CreateMemberReplicaTables1796000000000, FundingSchema1796102918205],
};

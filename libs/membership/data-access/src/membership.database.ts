import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { MEMBERSHIP_ENTITIES } from './membership.entities';
import { MembershipSchema1795305860086 } from './migrations/1795305860086-membership-schema';

/** Everything the membership database holds: for the app, the migration tools and the drift check. */
export const membershipDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBERSHIP_ENTITIES],
  migrations: [...MESSAGING_MIGRATIONS, MembershipSchema1795305860086],
};

import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { MEMBERSHIP_ENTITIES } from './membership.entities';
import { Sessions1796091776492 } from './migrations/1796091776492-sessions';
import { InstitutionChanges1796100949251 } from './migrations/1796100949251-institution-changes';
import { CareerStageChanges1796111462495 } from './migrations/1796111462495-career-stage-changes';
import { RegistrationConfirmation1796122605755 } from './migrations/1796122605755-registration-confirmation';
import { PrincipalChanges1796206128449 } from './migrations/1796206128449-principal-changes';
import { SESSION_ENTITIES } from './session.entities';
import { MembershipSchema1795305860086 } from './migrations/1795305860086-membership-schema';

/** Everything the membership database holds: for the app, the migration tools and the drift check. */
export const membershipDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBERSHIP_ENTITIES, ...SESSION_ENTITIES],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    MembershipSchema1795305860086,
    Sessions1796091776492,
    InstitutionChanges1796100949251,
    CareerStageChanges1796111462495,
    RegistrationConfirmation1796122605755,
    PrincipalChanges1796206128449,
  ],
};

import {
  CreateMemberReplicaTables1796000000000,
  MEMBER_REPLICA_ENTITIES,
  MemberReplicaConfirmation1796122700000,
  MemberReplicaPrincipalChanges1796207813357,
} from '@praxis/platform/member-replica';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { ENGAGEMENT_ENTITIES } from './engagement.entities';
import { EngagementProjections1796102077812 } from './migrations/1796102077812-engagement-projections';
import { ProgrammeAndFundingMetrics1796111847896 } from './migrations/1796111847896-programme-and-funding-metrics';
import { WorkshopsMastermindCadence1796113312628 } from './migrations/1796113312628-workshops-mastermind-cadence';
import { FunnelRollup1796150395870 } from './migrations/1796150395870-funnel-rollup';
import { ProposalLead1796170000000 } from './migrations/1796170000000-proposal-lead';

/** Everything the engagement database holds: for the app, the migration tools and the drift check. */
export const engagementDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBER_REPLICA_ENTITIES, ...ENGAGEMENT_ENTITIES],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateMemberReplicaTables1796000000000,
    EngagementProjections1796102077812,
    ProgrammeAndFundingMetrics1796111847896,
    WorkshopsMastermindCadence1796113312628,
    MemberReplicaConfirmation1796122700000,
    FunnelRollup1796150395870,
    ProposalLead1796170000000,
    MemberReplicaPrincipalChanges1796207813357,
  ],
};

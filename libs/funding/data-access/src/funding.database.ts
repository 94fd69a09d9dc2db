import {
  CreateMemberReplicaTables1796000000000,
  MEMBER_REPLICA_ENTITIES,
  MemberReplicaConfirmation1796122700000,
  MemberReplicaPrincipalChanges1796207813357,
} from '@praxis/platform/member-replica';
import { CreateScheduledJobRunTable1764560000000, ScheduledJobRun } from '@praxis/platform/scheduler';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { FUNDING_ENTITIES } from './funding.entities';
import { FundingSchema1796102918205 } from './migrations/1796102918205-funding-schema';
import { AtRiskFlag1796111409377 } from './migrations/1796111409377-at-risk-flag';
import { AwardReportsAndOutputs1796111941764 } from './migrations/1796111941764-award-reports-and-outputs';
import { EffortCertification1796113963224 } from './migrations/1796113963224-effort-certification';
import { TimeLogWeek1796122695419 } from './migrations/1796122695419-time-log-week';
import { WinnerOutcome1796124243197 } from './migrations/1796124243197-winner-outcome';
import { PendingSupervisor1796127566920 } from './migrations/1796127566920-pending-supervisor';
import { AllocationDecisionReason1796136972699 } from './migrations/1796136972699-allocation-decision-reason';
import { InstitutionWeek1796150064093 } from './migrations/1796150064093-institution-week';

/** Everything the funding database holds: for the app, the migration tools and the drift check. */
export const fundingDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBER_REPLICA_ENTITIES, ScheduledJobRun, ...FUNDING_ENTITIES],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateScheduledJobRunTable1764560000000,
    CreateMemberReplicaTables1796000000000,
    FundingSchema1796102918205,
    AtRiskFlag1796111409377,
    AwardReportsAndOutputs1796111941764,
    EffortCertification1796113963224,
    TimeLogWeek1796122695419,
    MemberReplicaConfirmation1796122700000,
    WinnerOutcome1796124243197,
    PendingSupervisor1796127566920,
    AllocationDecisionReason1796136972699,
    InstitutionWeek1796150064093,
    MemberReplicaPrincipalChanges1796207813357,
  ],
};

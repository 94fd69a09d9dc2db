import {
  MEMBER_REPLICA_ENTITIES,
  MemberReplicaConfirmation1796122700000,
  MemberReplicaPrincipalChanges1796207813357,
} from '@praxis/platform/member-replica';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { PROPOSALS_ENTITIES } from './proposals.entities';
import { SharedMemberReplica1796000000001 } from './migrations/1796000000001-shared-member-replica';
import { ProposalsSchema1795306481769 } from './migrations/1795306481769-proposals-schema';
import { FrozenFeedback1796090662008 } from './migrations/1796090662008-frozen-feedback';
import { NamedConflictReview1796092441810 } from './migrations/1796092441810-named-conflict-review';
import { TeamInvitations1796093616721 } from './migrations/1796093616721-team-invitations';
import { CompetitionCurrency1796100000000 } from './migrations/1796100000000-competition-currency';
import { CompetitionTags1796130000000 } from './migrations/1796130000000-competition-tags';
import { TeamInvitationPages1796195871171 } from './migrations/1796195871171-team-invitation-pages';
import { PendingInvitationsOfMember1796199374662 } from './migrations/1796199374662-pending-invitations-of-member';
import { PublishedRankingPages1796206795762 } from './migrations/1796206795762-published-ranking-pages';

/** Everything the proposals database holds: for the app, the migration tools and the drift check. */
export const proposalsDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBER_REPLICA_ENTITIES, ...PROPOSALS_ENTITIES],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    ProposalsSchema1795306481769,
    SharedMemberReplica1796000000001,
    FrozenFeedback1796090662008,
    NamedConflictReview1796092441810,
    TeamInvitations1796093616721,
    CompetitionCurrency1796100000000,
    MemberReplicaConfirmation1796122700000,
    CompetitionTags1796130000000,
    TeamInvitationPages1796195871171,
    PendingInvitationsOfMember1796199374662,
    PublishedRankingPages1796206795762,
    MemberReplicaPrincipalChanges1796207813357,
  ],
};

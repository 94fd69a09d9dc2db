import {
  MEMBER_REPLICA_ENTITIES,
  MemberReplicaConfirmation1796122700000,
  MemberReplicaPrincipalChanges1796207813357,
} from '@praxis/platform/member-replica';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { MENTORSHIP_ENTITIES } from './mentorship.entities';
import { SharedMemberReplica1796000000001 } from './migrations/1796000000001-shared-member-replica';
import { MentorshipSchema1795306993390 } from './migrations/1795306993390-mentorship-schema';
import { MastermindGroupTags1796130000001 } from './migrations/1796130000001-mastermind-group-tags';
import { MatchRunCreatedIndex1796200000001 } from './migrations/1796200000001-match-run-created-index';
import { MatchRunPages1796211396185 } from './migrations/1796211396185-match-run-pages';
import { SupervisionTeam1796091903007 } from './migrations/1796091903007-supervision-team';
import { SupervisionProposalPages1796206099844 } from './migrations/1796206099844-supervision-proposal-pages';

/** Everything the mentorship database holds: for the app, the migration tools and the drift check. */
export const mentorshipDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBER_REPLICA_ENTITIES, ...MENTORSHIP_ENTITIES],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    MentorshipSchema1795306993390,
    SharedMemberReplica1796000000001,
    SupervisionTeam1796091903007,
    MemberReplicaConfirmation1796122700000,
    MastermindGroupTags1796130000001,
    MatchRunCreatedIndex1796200000001,
    SupervisionProposalPages1796206099844,
    MemberReplicaPrincipalChanges1796207813357,
    MatchRunPages1796211396185,
  ],
};

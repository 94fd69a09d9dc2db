import { CreateScheduledJobRunTable1764560000000, ScheduledJobRun } from '@praxis/platform/scheduler';
import {
  CreateMemberReplicaTables1796000000000,
  MEMBER_REPLICA_ENTITIES,
  memberReplicaGroup,
  memberReplicaHandlers,
  MemberReplicaConfirmation1796122700000,
  MemberReplicaPrincipalChanges1796207813357,
} from '@praxis/platform/member-replica';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@praxis/platform/messaging';
import { ApplicationEntity } from './application.entity';
import { AttendanceEntity } from './attendance.entity';
import { CertificateEntity } from './certificate.entity';
import {
  CommunityAnnouncementEntity,
  CommunityEntity,
  CommunityMembershipEntity,
  CommunityModeratorChangeEntity,
  CommunityModeratorEntity,
} from './community.entity';
import { ProgrammeEntity, ProgrammeSessionEntity, ProgrammeSpeakerEntity } from './programme.entity';
import { ReflectionEntity, ReflectionSpentTokenEntity } from './reflection.entity';
import { TaggedCompetitionEntity, TaggedMastermindGroupEntity } from './tagged-listing.entity';
import { CommunitySchema1796100848434 } from './migrations/1796100848434-community-schema';
import { CommunityModeratorChanges1796126414924 } from './migrations/1796126414924-community-moderator-changes';
import { TaggedListings1796130000002 } from './migrations/1796130000002-tagged-listings';
import { MemberIndexesAndCompetitionPhase1796140000000 } from './migrations/1796140000000-member-indexes-and-competition-phase';

export const COMMUNITY_ENTITIES = [
  CommunityEntity,
  CommunityModeratorEntity,
  CommunityModeratorChangeEntity,
  CommunityMembershipEntity,
  CommunityAnnouncementEntity,
  ProgrammeEntity,
  ProgrammeSessionEntity,
  ProgrammeSpeakerEntity,
  ApplicationEntity,
  AttendanceEntity,
  ReflectionEntity,
  ReflectionSpentTokenEntity,
  CertificateEntity,
  TaggedCompetitionEntity,
  TaggedMastermindGroupEntity,
];

/** Everything the community database holds: for the app, the migration tools and the drift check. */
export const communityDatabase = {
  entities: [...MESSAGING_ENTITIES, ...MEMBER_REPLICA_ENTITIES, ScheduledJobRun, ...COMMUNITY_ENTITIES],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateMemberReplicaTables1796000000000,
    CreateScheduledJobRunTable1764560000000,
    CommunitySchema1796100848434,
    MemberReplicaConfirmation1796122700000,
    CommunityModeratorChanges1796126414924,
    TaggedListings1796130000002,
    MemberIndexesAndCompetitionPhase1796140000000,
    MemberReplicaPrincipalChanges1796207813357,
  ],
};

/** Community's member replica: the shared one (libs/platform/member-replica) in `community.member-replica`. */
export function memberReplicaConsumer() {
  return { groupId: memberReplicaGroup('community'), handlers: memberReplicaHandlers() };
}

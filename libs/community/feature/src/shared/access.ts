import type { EntityManager } from 'typeorm';
import type { Participant } from '@praxis/contracts';
import { isAdmin, type Principal } from '@praxis/platform/auth';
import { memberReplica, type MemberReplicaEntity } from '@praxis/platform/member-replica';
import { CommunityModeratorEntity, type ProgrammeEntity } from '@praxis/community/data-access';
import { CommunityDomainError, CommunityErrorCode } from '@praxis/community/domain';

/** The caller as the service decides about them: roles come from the member replica (via the guard). */
export interface Viewer {
  memberId: string;
  isAdmin: boolean;
}

export function viewerOf(principal: Principal): Viewer {
  return { memberId: principal.memberId, isAdmin: isAdmin(principal) };
}

/** The member as this service knows them (membership's events); a clear, retryable error when not there yet. */
export async function requireMember(manager: EntityManager, memberId: string): Promise<MemberReplicaEntity> {
  const member = await memberReplica(manager).profile(memberId);
  if (!member) {
    throw new CommunityDomainError(
      CommunityErrorCode.MEMBER_NOT_REPLICATED,
      'your membership profile has not reached the community service yet; retry in a moment',
    );
  }
  return member;
}

/** What an event says about who took part: public profile facts only. */
export function participantOf(member: MemberReplicaEntity): Participant {
  return {
    memberId: member.memberId,
    institutionId: member.institutionId,
    careerStage: member.careerStage,
  };
}

export async function isModerator(
  manager: EntityManager,
  communityId: string | null,
  memberId: string,
): Promise<boolean> {
  if (communityId === null) return false;
  return (await manager.countBy(CommunityModeratorEntity, { communityId, memberId })) > 0;
}

/** Organisers of a programme: admins, whoever created it, and the moderators of its community. */
export async function canOrganise(
  manager: EntityManager,
  viewer: Viewer,
  programme: Pick<ProgrammeEntity, 'createdBy' | 'communityId'>,
): Promise<boolean> {
  return (
    viewer.isAdmin ||
    programme.createdBy === viewer.memberId ||
    (await isModerator(manager, programme.communityId, viewer.memberId))
  );
}

export async function requireOrganiser(
  manager: EntityManager,
  viewer: Viewer,
  programme: Pick<ProgrammeEntity, 'createdBy' | 'communityId'>,
): Promise<void> {
  if (!(await canOrganise(manager, viewer, programme))) {
    throw CommunityDomainError.forbidden("only the programme's organisers can do this");
  }
}

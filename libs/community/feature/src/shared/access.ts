import { In, type EntityManager } from 'typeorm';
import type { Participant } from '@praxis/contracts';
import { isAdmin, type Principal } from '@praxis/platform/auth';
import { memberReplica, type MemberReplicaEntity } from '@praxis/platform/member-replica';
import { CommunityModeratorEntity, ProgrammeEntity } from '@praxis/community/data-access';
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

const NOT_AN_ORGANISER = "only the programme's organisers can do this";

export async function requireOrganiser(
  manager: EntityManager,
  viewer: Viewer,
  programme: Pick<ProgrammeEntity, 'createdBy' | 'communityId'>,
): Promise<void> {
  if (!(await canOrganise(manager, viewer, programme))) {
    throw CommunityDomainError.forbidden(NOT_AN_ORGANISER);
  }
}

/**
 * Which of these programmes the viewer organises (the rule of `canOrganise`), decided for all of them with at
 * most one query: a page of programmes costs what one costs.
 */
export async function organisedAmong(
  manager: EntityManager,
  viewer: Viewer,
  programmes: ReadonlyArray<Pick<ProgrammeEntity, 'id' | 'createdBy' | 'communityId'>>,
): Promise<Set<string>> {
  if (viewer.isAdmin) return new Set(programmes.map((programme) => programme.id));
  const organised = new Set(
    programmes
      .filter((programme) => programme.createdBy === viewer.memberId)
      .map((programme) => programme.id),
  );
  const communities = [
    ...new Set(
      programmes.flatMap((programme) =>
        organised.has(programme.id) || programme.communityId === null ? [] : [programme.communityId],
      ),
    ),
  ];
  if (communities.length === 0) return organised;
  const moderated = new Set(
    (
      await manager.find(CommunityModeratorEntity, {
        where: { memberId: viewer.memberId, communityId: In(communities) },
        select: { communityId: true },
      })
    ).map((row) => row.communityId),
  );
  for (const programme of programmes) {
    if (programme.communityId !== null && moderated.has(programme.communityId)) organised.add(programme.id);
  }
  return organised;
}

/**
 * One programme's answer to an organiser-only field asked of a page: the value, or the refusal that programme
 * alone gets (its field errors, the others' do not).
 */
export type Organised<T> = { programmeId: string; value: T } | { programmeId: string; refusal: Error };

/**
 * Runs `load` once for the programmes among `programmeIds` the viewer organises, and answers each of those with
 * what `load`'s lookup gives it; every other programme gets a FORBIDDEN (or NOT_FOUND) of its own. Two queries
 * decide for the whole page.
 */
export async function forOrganisedProgrammes<T>(
  manager: EntityManager,
  viewer: Viewer,
  programmeIds: readonly string[],
  load: (programmes: ProgrammeEntity[]) => Promise<(programme: ProgrammeEntity) => T>,
): Promise<Array<Organised<T>>> {
  const programmes = new Map(
    (await manager.findBy(ProgrammeEntity, { id: In([...programmeIds]) })).map((row) => [row.id, row]),
  );
  const organised = await organisedAmong(manager, viewer, [...programmes.values()]);
  const valueOf = await load([...programmes.values()].filter((programme) => organised.has(programme.id)));
  return programmeIds.map((programmeId) => {
    const programme = programmes.get(programmeId);
    if (!programme) return { programmeId, refusal: CommunityDomainError.notFound('programme') };
    if (!organised.has(programmeId)) {
      return { programmeId, refusal: CommunityDomainError.forbidden(NOT_AN_ORGANISER) };
    }
    return { programmeId, value: valueOf(programme) };
  });
}

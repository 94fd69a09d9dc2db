import { isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import type { InstitutionEntity } from '@praxis/membership/data-access';
import { profileView, type Viewer } from '@praxis/membership/domain';
import type { InstitutionObject, MemberObject } from './membership.objects';
import type { MemberWithRoles } from './membership.service';

export function viewerOf(principal: Principal | null): Viewer | null {
  return principal
    ? { memberId: principal.memberId, isAdmin: isAdmin(principal), leadOf: leadInstitutions(principal) }
    : null;
}

/** The only way a member leaves this service over GraphQL: private fields are filled for permitted viewers only. */
export function toMemberObject({ member, roles }: MemberWithRoles, viewer: Viewer | null): MemberObject {
  const full = profileView(viewer, member) === 'full';
  return {
    id: member.id,
    displayName: member.displayName,
    careerStage: member.careerStage,
    institutionId: member.institutionId,
    interests: member.interests,
    roles: roles.map((grant) => ({ role: grant.role, institutionId: grant.institutionId })),
    specialty: member.specialty,
    joinedAt: member.createdAt,
    institutionConfirmed: member.institutionConfirmed,
    careerStageConfirmed: member.careerStageConfirmed,
    email: full ? member.email : null,
  };
}

export function toInstitutionObject(institution: InstitutionEntity): InstitutionObject {
  return { id: institution.id, name: institution.name, country: institution.country };
}

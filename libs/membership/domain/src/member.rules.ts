import type { Role } from '@praxis/contracts';
import { MembershipError, MembershipErrorCode } from './membership.exception';

/** Emails compare case-insensitively; store and look up the normalised form. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normaliseInterests(interests: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const interest of interests) {
    const clean = interest.trim().replace(/\s+/g, ' ').toLowerCase();
    if (clean) seen.add(clean);
  }
  return [...seen];
}

export interface Viewer {
  memberId: string;
  isAdmin: boolean;
  leadOf: readonly string[];
}

export type ProfileView = 'full' | 'public';

/**
 * A member sees their own full profile; a lead sees full profiles of their institution's members; admins see
 * all; everyone else sees the public fields (name, stage, institution, specialty, interests, roles, joined).
 */
export function profileView(
  viewer: Viewer | null,
  member: { id: string; institutionId: string },
): ProfileView {
  if (!viewer) return 'public';
  if (viewer.isAdmin || viewer.memberId === member.id || viewer.leadOf.includes(member.institutionId))
    return 'full';
  return 'public';
}

/** Grants are checked for shape here; who may grant is the resolver's concern (admins only). */
export function checkGrant(role: Role, institutionId: string | null): void {
  if (role === 'member') {
    throw new MembershipError(
      MembershipErrorCode.InvalidInput,
      'role: every member holds the member role; it cannot be granted or revoked',
      [{ field: 'role', rule: 'grantable', message: 'member is implicit and cannot be granted or revoked' }],
    );
  }
  if (role === 'lead' && !institutionId) {
    throw new MembershipError(
      MembershipErrorCode.LeadNeedsInstitution,
      'institutionId: a lead is scoped to one institution',
      [{ field: 'institutionId', rule: 'required', message: 'is required for the lead role' }],
    );
  }
}

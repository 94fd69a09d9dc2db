import { z } from 'zod';
import { roleSchema, type Role } from '@praxis/contracts';

export const roleGrantSchema = z.object({ role: roleSchema, institutionId: z.string().nullable() });
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** The authenticated caller, as every service sees it after verifying the token itself. */
export interface Principal {
  memberId: string;
  roles: RoleGrant[];
  /** When the token was issued (seconds since the epoch), so a service can tell which view is fresher. */
  issuedAt?: number;
  /** The sign-in session the token belongs to (membership checks it is still open). */
  sessionId?: string;
}

export function hasRole(principal: Principal, role: Role): boolean {
  return role === 'member' || principal.roles.some((grant) => grant.role === role);
}

export function isAdmin(principal: Principal): boolean {
  return hasRole(principal, 'admin');
}

/** Leads are scoped to one institution each. */
export function leadInstitutions(principal: Principal): string[] {
  return principal.roles
    .filter((grant) => grant.role === 'lead' && grant.institutionId)
    .map((grant) => grant.institutionId as string);
}

export function isLeadOf(principal: Principal, institutionId: string): boolean {
  return leadInstitutions(principal).includes(institutionId);
}

/** What a service's member replica knows of a member's roles, and when it last learnt anything about them. */
export interface ReplicaRoles {
  roles: RoleGrant[];
  changedAt: Date;
}

/**
 * The caller's roles as a replica sees them. The replica decides, except where the token is provably newer than
 * everything the replica knows (a grant still on its way): membership never signs a role it has revoked, so a
 * token issued after the replica's last change cannot carry a role the replica is about to lose.
 */
export function withReplicaRoles(principal: Principal, replica: ReplicaRoles | null): Principal {
  if (!replica) return principal;
  const tokenIsNewer =
    principal.issuedAt !== undefined && principal.issuedAt * 1000 > replica.changedAt.getTime();
  return tokenIsNewer ? principal : { ...principal, roles: replica.roles };
}

import { z } from 'zod';
import { roleSchema, type Role } from '@praxis/contracts';

export const roleGrantSchema = z.object({ role: roleSchema, institutionId: z.string().nullable() });
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** The authenticated caller, as every service sees it after verifying the token itself. */
export interface Principal {
  memberId: string;
  roles: RoleGrant[];
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

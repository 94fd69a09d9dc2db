import { requestGroupLoader, requestLoader } from '@praxis/platform/graphql';
import type { ProfileChangeRecord } from '@praxis/membership/data-access';
import type { MembershipService, MemberWithRoles } from './membership.service';

/** One query per operation for every institution its members point at (100 members: 1 query, not 100). */
export function institutionLoader(membership: MembershipService, request: object) {
  return requestLoader(
    request,
    'membership.institution',
    (ids) => membership.institutionsByIds(ids),
    (i) => i.id,
  );
}

export function memberLoader(membership: MembershipService, request: object) {
  return requestLoader(
    request,
    'membership.member',
    (ids) => membership.findMembers(ids),
    (m) => m.member.id,
  );
}

/**
 * Profile-change rows of each member of a page (`Member.registrationConfirmation`, `institutionChanges`,
 * `careerStageChanges`), newest first, from one query per kind; only members whose full profile the caller sees
 * are ever asked for.
 */
export function profileChangesLoader<E extends ProfileChangeRecord>(
  request: object,
  name: string,
  load: (memberIds: readonly string[]) => Promise<E[]>,
) {
  return requestGroupLoader<E>(request, name, load, (row) => row.memberId);
}

const callers = new WeakMap<object, MemberWithRoles>();

/**
 * The caller's own row and current roles as the guard's query read them at the start of this request. Only
 * `me` reads it (a query field, so no mutation of this request has run before it); loaders that other resolvers
 * share are not primed with it, so a Member resolved after a mutation is read after it.
 */
export function rememberCaller(request: object, caller: MemberWithRoles): void {
  callers.set(request, caller);
}

export function callerRead(request: object, memberId: string): MemberWithRoles | null {
  const caller = callers.get(request);
  return caller && caller.member.id === memberId ? caller : null;
}

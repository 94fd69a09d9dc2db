import type { MemberReplicaHooks } from '@praxis/platform/member-replica';
import { refreshConflictsWhenInstitutionChanges } from './refresh-conflicts-when-institution-changes.handler';
import { releaseAssignmentsWhenJudgeRoleRevoked } from './release-assignments-when-judge-role-revoked.handler';

/** Proposals' hooks on its member replica (apps/proposals wires them into its consumer). */
export const proposalsMemberReplicaHooks: MemberReplicaHooks = {
  onInstitutionChanged: refreshConflictsWhenInstitutionChanges,
  onRoleChanged: releaseAssignmentsWhenJudgeRoleRevoked,
};

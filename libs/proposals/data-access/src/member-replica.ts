import {
  memberReplicaGroup,
  memberReplicaHandlers,
  type MemberReplicaHooks,
} from '@praxis/platform/member-replica';

/**
 * Proposals's member replica: the shared one (libs/platform/member-replica) in the group
 * `proposals.member-replica`, with the hooks of the feature library (`proposalsMemberReplicaHooks`: the recorded
 * conflicts follow a member's institution, a revoked judge's unscored assignments are released). Required, so no wiring of the consumer can leave them out.
 */
export function memberReplicaConsumer(hooks: MemberReplicaHooks) {
  return { groupId: memberReplicaGroup('proposals'), handlers: memberReplicaHandlers(hooks) };
}

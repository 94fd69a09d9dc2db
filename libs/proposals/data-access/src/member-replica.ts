import { memberReplicaGroup, memberReplicaHandlers } from '@praxis/platform/member-replica';

/** Proposals's member replica: the shared one (libs/platform/member-replica) in the group `proposals.member-replica`. */
export function memberReplicaConsumer() {
  return { groupId: memberReplicaGroup('proposals'), handlers: memberReplicaHandlers() };
}

import { memberReplicaGroup, memberReplicaHandlers } from '@praxis/platform/member-replica';

/** Funding's member replica: the shared one (libs/platform/member-replica) in the group `funding.member-replica`. */
export function memberReplicaConsumer() {
  return { groupId: memberReplicaGroup('funding'), handlers: memberReplicaHandlers() };
}

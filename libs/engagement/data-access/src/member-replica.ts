import { memberReplicaGroup, memberReplicaHandlers } from '@praxis/platform/member-replica';

/** Engagement's member replica: the shared one (libs/platform/member-replica) in the group `engagement.member-replica`. */
export function memberReplicaConsumer() {
  return { groupId: memberReplicaGroup('engagement'), handlers: memberReplicaHandlers() };
}

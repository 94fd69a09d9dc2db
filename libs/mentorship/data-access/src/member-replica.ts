import { memberReplicaGroup, memberReplicaHandlers } from '@praxis/platform/member-replica';

/** Mentorship's member replica: the shared one (libs/platform/member-replica) in the group `mentorship.member-replica`. */
export function memberReplicaConsumer() {
  return { groupId: memberReplicaGroup('mentorship'), handlers: memberReplicaHandlers() };
}

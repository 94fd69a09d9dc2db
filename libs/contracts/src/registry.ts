import type { EventContract } from './envelope';
import { InstitutionCreatedV1 } from './events/membership-institution-created-v1';
import { CompetitionResultsPublishedV1 } from './events/proposals-competition-results-published-v1';
import { MemberDemographicsRecordedV1 } from './events/membership-member-demographics-recorded-v1';
import { MemberProfileUpdatedV1 } from './events/membership-member-profile-updated-v1';
import { MemberRegisteredV1 } from './events/membership-member-registered-v1';
import { MemberRoleGrantedV1 } from './events/membership-member-role-granted-v1';
import { MemberRoleRevokedV1 } from './events/membership-member-role-revoked-v1';

/** Every event the platform knows, in one place. A topic missing here cannot be produced or consumed. */
export const ALL_EVENTS: readonly EventContract[] = [
  MemberRegisteredV1,
  MemberProfileUpdatedV1,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  InstitutionCreatedV1,
  MemberDemographicsRecordedV1,
  // proposals
  CompetitionResultsPublishedV1,
  // mentorship
];

const byTopic = new Map<string, EventContract>();
for (const contract of ALL_EVENTS) {
  if (byTopic.has(contract.topic)) {
    throw new Error(`two contracts claim topic ${contract.topic}`);
  }
  byTopic.set(contract.topic, contract);
}

/**
 * Adds contracts at run time: integration tests use it for contracts with unique per-test topics. Production
 * code lists its events in ALL_EVENTS.
 */
export function registerEvents(...contracts: EventContract[]): void {
  for (const contract of contracts) {
    const existing = byTopic.get(contract.topic);
    if (existing && existing !== contract) throw new Error(`two contracts claim topic ${contract.topic}`);
    byTopic.set(contract.topic, contract);
  }
}

export function contractForTopic(topic: string): EventContract | undefined {
  return byTopic.get(topic);
}

export function dlqTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

import type { EventContract } from './envelope';
import {
  DLQ_TOPIC_CONFIG,
  DLQ_TOPIC_PARTITIONS,
  EVENT_TOPIC_CONFIG,
  EVENT_TOPIC_PARTITIONS,
  type TopicDefinition,
} from './topic-config';
import { MentorshipRelationshipRequestedV1 } from './events/mentorship-relationship-requested-v1';
import { MentorshipRelationshipStartedV1 } from './events/mentorship-relationship-started-v1';
import { MentorshipRelationshipStartedV2 } from './events/mentorship-relationship-started-v2';
import { MentorshipRelationshipEndedV1 } from './events/mentorship-relationship-ended-v1';
import { MentorshipCheckInLoggedV1 } from './events/mentorship-check-in-logged-v1';
import { MentorshipFeedbackGivenV1 } from './events/mentorship-feedback-given-v1';
import { MentorshipMastermindSessionHeldV1 } from './events/mentorship-mastermind-session-held-v1';
import { MentorshipMastermindGroupFormedV1 } from './events/mentorship-mastermind-group-formed-v1';
import { MentorshipWorkshopHeldV1 } from './events/mentorship-workshop-held-v1';
import { MentorshipMatchRunCompletedV1 } from './events/mentorship-match-run-completed-v1';
import { CommunityCreatedV1 } from './events/community-community-created-v1';
import { CommunityMemberJoinedV1 } from './events/community-member-joined-v1';
import { CommunityMemberLeftV1 } from './events/community-member-left-v1';
import { CommunityProgrammeCreatedV1 } from './events/community-programme-created-v1';
import { CommunityApplicationSubmittedV1 } from './events/community-application-submitted-v1';
import { CommunityApplicationDecidedV1 } from './events/community-application-decided-v1';
import { CommunityAttendanceRecordedV1 } from './events/community-attendance-recorded-v1';
import { CommunityReflectionSubmittedV1 } from './events/community-reflection-submitted-v1';
import { CommunityCertificateIssuedV1 } from './events/community-certificate-issued-v1';
import { InstitutionCreatedV1 } from './events/membership-institution-created-v1';
import { CompetitionResultsPublishedV1 } from './events/proposals-competition-results-published-v1';
import { CompetitionResultsPublishedV2 } from './events/proposals-competition-results-published-v2';
import { CompetitionOpenedV1 } from './events/proposals-competition-opened-v1';
import { CompetitionChangedV1 } from './events/proposals-competition-changed-v1';
import { ProposalSubmittedV1 } from './events/proposals-proposal-submitted-v1';
import { ProposalWithdrawnV1 } from './events/proposals-proposal-withdrawn-v1';
import { ReviewSubmittedV1 } from './events/proposals-review-submitted-v1';
import { MemberDemographicsRecordedV2 } from './events/membership-member-demographics-recorded-v2';
import { MemberProfileUpdatedV1 } from './events/membership-member-profile-updated-v1';
import { MemberRegisteredV1 } from './events/membership-member-registered-v1';
import { MemberRoleGrantedV1 } from './events/membership-member-role-granted-v1';
import { MemberRoleRevokedV1 } from './events/membership-member-role-revoked-v1';
import { AwardOfferedV1 } from './events/funding-award-offered-v1';
import { AwardAcceptedV1 } from './events/funding-award-accepted-v1';
import { AwardDeclinedV1 } from './events/funding-award-declined-v1';
import { AwardActivatedV1 } from './events/funding-award-activated-v1';
import { AwardClosedV1 } from './events/funding-award-closed-v1';
import { SpendRecordedV1 } from './events/funding-spend-recorded-v1';
import { ProtectedTimeAllocatedV1 } from './events/funding-protected-time-allocated-v1';
import { ProtectedTimeApprovedV1 } from './events/funding-protected-time-approved-v1';
import { TimeLoggedV1 } from './events/funding-time-logged-v1';
import { ProtectedTimeAtRiskV1 } from './events/funding-protected-time-at-risk-v1';
import { ProtectedTimeRecoveredV1 } from './events/funding-protected-time-recovered-v1';
import { ReportSubmittedV1 } from './events/funding-report-submitted-v1';
import { OutputRecordedV1 } from './events/funding-output-recorded-v1';

/** Every event the platform knows, in one place. A topic missing here cannot be produced or consumed. */
export const ALL_EVENTS: readonly EventContract[] = [
  MemberRegisteredV1,
  MemberProfileUpdatedV1,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  InstitutionCreatedV1,
  MemberDemographicsRecordedV2,
  // proposals
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  CompetitionOpenedV1,
  CompetitionChangedV1,
  ProposalSubmittedV1,
  ProposalWithdrawnV1,
  ReviewSubmittedV1,
  // mentorship
  MentorshipRelationshipRequestedV1,
  MentorshipRelationshipStartedV1,
  MentorshipRelationshipStartedV2,
  MentorshipRelationshipEndedV1,
  MentorshipCheckInLoggedV1,
  MentorshipFeedbackGivenV1,
  MentorshipMastermindSessionHeldV1,
  MentorshipMastermindGroupFormedV1,
  MentorshipWorkshopHeldV1,
  MentorshipMatchRunCompletedV1,
  // community
  CommunityCreatedV1,
  CommunityMemberJoinedV1,
  CommunityMemberLeftV1,
  CommunityProgrammeCreatedV1,
  CommunityApplicationSubmittedV1,
  CommunityApplicationDecidedV1,
  CommunityAttendanceRecordedV1,
  CommunityReflectionSubmittedV1,
  CommunityCertificateIssuedV1,
  // funding
  AwardOfferedV1,
  AwardAcceptedV1,
  AwardDeclinedV1,
  AwardActivatedV1,
  AwardClosedV1,
  SpendRecordedV1,
  ProtectedTimeAllocatedV1,
  ProtectedTimeApprovedV1,
  TimeLoggedV1,
  ProtectedTimeAtRiskV1,
  ProtectedTimeRecoveredV1,
  ReportSubmittedV1,
  OutputRecordedV1,
  // funding
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

/** Every topic `contracts` need, each followed by its dead-letter topic, with the configuration each should have. */
export function topicDefinitions(contracts: readonly EventContract[]): TopicDefinition[] {
  return contracts.flatMap((contract) => [
    { name: contract.topic, partitions: contract.partitions, config: contract.topicConfig },
    { name: dlqTopicFor(contract.topic), partitions: DLQ_TOPIC_PARTITIONS, config: DLQ_TOPIC_CONFIG },
  ]);
}

/** The definition of `topic` (an event topic or a dead-letter topic); unknown topics get the event defaults. */
export function topicDefinitionFor(topic: string): TopicDefinition {
  if (topic.endsWith('.dlq'))
    return { name: topic, partitions: DLQ_TOPIC_PARTITIONS, config: DLQ_TOPIC_CONFIG };
  const contract = contractForTopic(topic);
  return {
    name: topic,
    partitions: contract?.partitions ?? EVENT_TOPIC_PARTITIONS,
    config: contract?.topicConfig ?? EVENT_TOPIC_CONFIG,
  };
}

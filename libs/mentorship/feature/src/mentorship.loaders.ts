import type { CheckInEntity, FeedbackEntity, RelationshipEntity } from '@praxis/mentorship/data-access';
import { requestGroupLoader, requestLoader } from '@praxis/platform/graphql';
import type { MastermindService } from './mastermind.service';
import type { MatchingService } from './matching.service';
import type { RelationshipsService } from './relationships.service';
import type { WorkshopsService } from './workshops.service';

/**
 * Request-scoped loaders for mentorship's reference and field resolvers: every representation of one `_entities` call
 * (of one type) is loaded by a fixed number of queries, never a number per representation.
 */
export function relationshipLoader(relationships: RelationshipsService, request: object) {
  return requestLoader<RelationshipEntity>(
    request,
    'mentorship.relationship',
    (ids) => relationships.byIds(ids),
    (relationship) => relationship.id,
  );
}

export function matchRunLoader(matching: MatchingService, request: object) {
  return requestLoader(
    request,
    'mentorship.matchRun',
    (ids) => matching.matchRuns(ids),
    (view) => view.run.id,
  );
}

export function mastermindGroupLoader(mastermind: MastermindService, request: object) {
  return requestLoader(
    request,
    'mentorship.mastermindGroup',
    (ids) => mastermind.groupsWithDetails(ids),
    ({ group }) => group.id,
  );
}

export function mastermindSessionLoader(mastermind: MastermindService, request: object) {
  return requestLoader(
    request,
    'mentorship.mastermindSession',
    (ids) => mastermind.sessionsByIds(ids),
    ({ view }) => view.session.id,
  );
}

export function coachingWorkshopLoader(workshops: WorkshopsService, request: object) {
  return requestLoader(
    request,
    'mentorship.coachingWorkshop',
    (ids) => workshops.workshopsWithEnrolments(ids),
    ({ workshop }) => workshop.id,
  );
}

/** Every check-in of each relationship of a page (`Relationship.checkIns`), from one query. */
export function checkInsLoader(relationships: RelationshipsService, request: object) {
  return requestGroupLoader<CheckInEntity>(
    request,
    'mentorship.checkIns',
    (ids) => relationships.checkInsOf(ids),
    (checkIn) => checkIn.relationshipId,
  );
}

/** Every feedback entry of each relationship of a page (`Relationship.feedback`), oldest first, from one query. */
export function feedbackLoader(relationships: RelationshipsService, request: object) {
  return requestGroupLoader<FeedbackEntity>(
    request,
    'mentorship.feedback',
    (ids) => relationships.feedbackOf(ids),
    (entry) => entry.relationshipId,
  );
}

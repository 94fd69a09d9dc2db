import type { EntityManager } from 'typeorm';
import {
  MentorshipCheckInLoggedV1,
  MentorshipFeedbackGivenV1,
  MentorshipMastermindSessionHeldV1,
  MentorshipRelationshipEndedV1,
  MentorshipRelationshipRequestedV1,
  MentorshipRelationshipStartedV1,
  MentorshipRelationshipStartedV2,
  MentorshipWorkshopHeldV1,
} from '@praxis/contracts';
import { handleInBatches, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities } from './activity';
import { insertFirstArrived, writeRows } from './rows';

/**
 * A relationship's status only moves forward (requested → active → ended or declined), so each event sets its
 * own columns and the status takes the furthest one seen: any arrival order ends in the same row. A run of
 * relationship events is written at once (the rows of one relationship in their order).
 */
const STATUS_RANK = `CASE s WHEN 'REQUESTED' THEN 1 WHEN 'ACTIVE' THEN 2 ELSE 3 END`;

interface RelationshipRow {
  relationshipId: string;
  mentorId: string;
  menteeId: string;
  kind: string;
  status: string;
  origin?: string;
  requestedAt?: string;
  startedAt?: string;
  endedAt?: string;
}

async function upsertRelationships(manager: EntityManager, rows: readonly RelationshipRow[]): Promise<void> {
  const rank = (column: string) => STATUS_RANK.replace('s', column);
  await writeRows(
    manager,
    `INSERT INTO engagement_relationship
       (relationship_id, mentor_id, mentee_id, kind, status, origin, requested_at, started_at, ended_at)
     SELECT r.relationship_id, r.mentor_id, r.mentee_id, r.kind, r.status, r.origin, r.requested_at, r.started_at, r.ended_at
       FROM jsonb_to_recordset($1::jsonb) AS r(relationship_id uuid, mentor_id uuid, mentee_id uuid, kind text,
         status text, origin text, requested_at timestamptz, started_at timestamptz, ended_at timestamptz)
     ON CONFLICT (relationship_id) DO UPDATE SET
       status = CASE WHEN ${rank('EXCLUDED.status')} > ${rank('engagement_relationship.status')}
                     THEN EXCLUDED.status ELSE engagement_relationship.status END,
       origin = COALESCE(EXCLUDED.origin, engagement_relationship.origin),
       requested_at = COALESCE(EXCLUDED.requested_at, engagement_relationship.requested_at),
       started_at = COALESCE(EXCLUDED.started_at, engagement_relationship.started_at),
       ended_at = COALESCE(EXCLUDED.ended_at, engagement_relationship.ended_at)`,
    rows.map((row) => ({
      relationship_id: row.relationshipId,
      mentor_id: row.mentorId,
      mentee_id: row.menteeId,
      kind: row.kind,
      status: row.status,
      origin: row.origin ?? null,
      requested_at: row.requestedAt ?? null,
      started_at: row.startedAt ?? null,
      ended_at: row.endedAt ?? null,
    })),
    (row) => row.relationship_id.toLowerCase(),
  );
}

/**
 * Mentorship's events: relationships with their dates, check-ins (with the cadence agreed at the time) and feedback
 * ratings (never their text), coaching workshops held (places, attendance, waitlist) and mastermind attendance.
 */
export function mentorshipHandlers(): EventHandler[] {
  return [
    handleInBatches(MentorshipRelationshipRequestedV1, (events, manager) =>
      upsertRelationships(
        manager,
        events.map(({ payload: { relationshipId, mentorId, menteeId, kind, requestedAt } }) => ({
          relationshipId,
          mentorId,
          menteeId,
          kind,
          status: 'REQUESTED',
          requestedAt,
        })),
      ),
    ),
    // v2 adds the competition entry of a supervision; both versions start the relationship the same way
    handleInBatches(MentorshipRelationshipStartedV1, (events, manager) =>
      projectStarted(
        manager,
        events.map((event) => event.payload),
      ),
    ),
    handleInBatches(MentorshipRelationshipStartedV2, (events, manager) =>
      projectStarted(
        manager,
        events.map((event) => event.payload),
      ),
    ),
    handleInBatches(MentorshipRelationshipEndedV1, (events, manager) =>
      upsertRelationships(
        manager,
        events.map(({ payload: { relationshipId, mentorId, menteeId, kind, outcome, endedAt } }) => ({
          relationshipId,
          mentorId,
          menteeId,
          kind,
          status: outcome,
          endedAt,
        })),
      ),
    ),
    // check-ins, workshops, mastermind attendance and feedback keep what first arrived (a run's rows in order)
    handleInBatches(MentorshipCheckInLoggedV1, (events, manager) =>
      insertFirstArrived(
        manager,
        'engagement_check_in',
        { check_in_id: 'uuid', relationship_id: 'uuid', held_at: 'timestamptz', agreed_cadence_days: 'int' },
        ['check_in_id'],
        events.map(({ payload }) => ({
          check_in_id: payload.checkInId,
          relationship_id: payload.relationshipId,
          held_at: payload.heldAt,
          agreed_cadence_days: payload.agreedCadenceDays ?? null,
        })),
      ),
    ),
    handleInBatches(MentorshipWorkshopHeldV1, (events, manager) =>
      insertFirstArrived(
        manager,
        'engagement_workshop',
        {
          workshop_id: 'uuid',
          coach_id: 'uuid',
          held_at: 'timestamptz',
          capacity: 'int',
          attendees: 'int',
          waitlisted: 'int',
        },
        ['workshop_id'],
        events.map(({ payload }) => ({
          workshop_id: payload.workshopId,
          coach_id: payload.coachId,
          held_at: payload.heldAt,
          capacity: payload.capacity,
          attendees: payload.attendeeIds.length,
          waitlisted: payload.waitlisted ?? null,
        })),
      ),
    ),
    handleInBatches(MentorshipMastermindSessionHeldV1, (events, manager) =>
      insertFirstArrived(
        manager,
        'engagement_mastermind_attendance',
        { session_id: 'uuid', member_id: 'uuid', group_id: 'uuid', held_at: 'timestamptz' },
        ['session_id', 'member_id'],
        events.flatMap(({ payload: { sessionId, groupId, heldAt, attendeeIds } }) =>
          attendeeIds.map((memberId) => ({
            session_id: sessionId,
            member_id: memberId,
            group_id: groupId,
            held_at: heldAt,
          })),
        ),
      ),
    ),
    handleInBatches(MentorshipFeedbackGivenV1, (events, manager) =>
      insertFirstArrived(
        manager,
        'engagement_feedback',
        { feedback_id: 'uuid', relationship_id: 'uuid', side: 'text', rating: 'int', period: 'text' },
        ['feedback_id'],
        events.map(({ payload }) => ({
          feedback_id: payload.feedbackId,
          relationship_id: payload.relationshipId,
          side: payload.side,
          rating: payload.rating,
          period: payload.period,
        })),
      ),
    ),
  ];
}

async function projectStarted(
  manager: EntityManager,
  started: ReadonlyArray<{
    relationshipId: string;
    mentorId: string;
    menteeId: string;
    kind: 'MENTORING' | 'SUPERVISION';
    origin: string;
    startedAt: string;
  }>,
): Promise<void> {
  await upsertRelationships(
    manager,
    started.map(({ relationshipId, mentorId, menteeId, kind, origin, startedAt }) => ({
      relationshipId,
      mentorId,
      menteeId,
      kind,
      status: 'ACTIVE',
      origin,
      startedAt,
    })),
  );
  await recordActivities(
    manager,
    started.map(({ relationshipId, menteeId, kind, startedAt }) => ({
      memberId: menteeId,
      activity: kind === 'MENTORING' ? ('MENTORED' as const) : ('SUPERVISED' as const),
      sourceId: relationshipId,
      occurredAt: startedAt,
    })),
  );
}

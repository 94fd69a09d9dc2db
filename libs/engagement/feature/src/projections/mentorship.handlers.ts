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
import { handle, handleInBatches, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities } from './activity';
import { writeRows } from './rows';

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
    handle(MentorshipCheckInLoggedV1, async (event, manager) => {
      const { checkInId, relationshipId, heldAt, agreedCadenceDays } = event.payload;
      await manager.query(
        `INSERT INTO engagement_check_in (check_in_id, relationship_id, held_at, agreed_cadence_days)
         VALUES ($1, $2, $3, $4) ON CONFLICT (check_in_id) DO NOTHING`,
        [checkInId, relationshipId, heldAt, agreedCadenceDays ?? null],
      );
    }),
    handle(MentorshipWorkshopHeldV1, async (event, manager) => {
      const { workshopId, coachId, heldAt, attendeeIds, capacity, waitlisted } = event.payload;
      await manager.query(
        `INSERT INTO engagement_workshop (workshop_id, coach_id, held_at, capacity, attendees, waitlisted)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workshop_id) DO NOTHING`,
        [workshopId, coachId, heldAt, capacity, attendeeIds.length, waitlisted ?? null],
      );
    }),
    handle(MentorshipMastermindSessionHeldV1, async (event, manager) => {
      const { sessionId, groupId, heldAt, attendeeIds } = event.payload;
      await manager.query(
        `INSERT INTO engagement_mastermind_attendance (session_id, member_id, group_id, held_at)
         SELECT $1, member_id, $2, $3 FROM unnest($4::uuid[]) AS member_id ON CONFLICT DO NOTHING`,
        [sessionId, groupId, heldAt, attendeeIds],
      );
    }),
    handle(MentorshipFeedbackGivenV1, async (event, manager) => {
      const { feedbackId, relationshipId, side, rating, period } = event.payload;
      await manager.query(
        `INSERT INTO engagement_feedback (feedback_id, relationship_id, side, rating, period) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (feedback_id) DO NOTHING`,
        [feedbackId, relationshipId, side, rating, period],
      );
    }),
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

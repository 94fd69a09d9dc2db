import type { EntityManager } from 'typeorm';
import {
  CommunityApplicationDecidedV1,
  CommunityApplicationSubmittedV1,
  CommunityAttendanceRecordedV1,
  CommunityCertificateIssuedV1,
  CommunityProgrammeCreatedV1,
  CommunityReflectionSubmittedV1,
} from '@praxis/contracts';
import { handleInBatches, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities } from './activity';
import { insertFirstArrived, writeRows } from './rows';

interface SessionRow {
  sessionId: string;
  programmeId: string;
  startsAt: string;
  theme: string | null;
}

/** Sessions, in their order: the latest start time stands, and a theme once known stays unless another is given. */
async function upsertSessions(manager: EntityManager, sessions: readonly SessionRow[]): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO engagement_session (session_id, programme_id, starts_at, theme)
     SELECT r.session_id, r.programme_id, r.starts_at, r.theme
       FROM jsonb_to_recordset($1::jsonb) AS r(session_id uuid, programme_id uuid, starts_at timestamptz, theme text)
     ON CONFLICT (session_id) DO UPDATE SET starts_at = EXCLUDED.starts_at,
       theme = COALESCE(EXCLUDED.theme, engagement_session.theme)`,
    sessions.map((session) => ({
      session_id: session.sessionId,
      programme_id: session.programmeId,
      starts_at: session.startsAt,
      theme: session.theme,
    })),
    (row) => row.session_id.toLowerCase(),
  );
}

interface ApplicationRow {
  applicationId: string;
  memberId: string;
  programmeId: string;
  submittedAt?: string;
  selectedAt?: string;
  waitlistedAt?: string;
}

/**
 * An application keeps the first time of each thing that happened to it (made, accepted, waitlisted), so the
 * events may arrive in any order. Accepted covers selection and a confirmed waitlist offer alike.
 */
async function upsertApplications(manager: EntityManager, rows: readonly ApplicationRow[]): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO engagement_application (application_id, member_id, programme_id, submitted_at, selected_at, waitlisted_at)
     SELECT r.application_id, r.member_id, r.programme_id, r.submitted_at, r.selected_at, r.waitlisted_at
       FROM jsonb_to_recordset($1::jsonb) AS r(application_id uuid, member_id uuid, programme_id uuid,
         submitted_at timestamptz, selected_at timestamptz, waitlisted_at timestamptz)
     ON CONFLICT (application_id) DO UPDATE SET
       submitted_at = LEAST(engagement_application.submitted_at, EXCLUDED.submitted_at),
       selected_at = LEAST(engagement_application.selected_at, EXCLUDED.selected_at),
       waitlisted_at = LEAST(engagement_application.waitlisted_at, EXCLUDED.waitlisted_at)`,
    rows.map((row) => ({
      application_id: row.applicationId,
      member_id: row.memberId,
      programme_id: row.programmeId,
      submitted_at: row.submittedAt ?? null,
      selected_at: row.selectedAt ?? null,
      waitlisted_at: row.waitlistedAt ?? null,
    })),
    (row) => row.application_id.toLowerCase(),
  );
}

/**
 * Community's events: programmes and their sessions, applications and selection, attendance per session,
 * certificates, and anonymous reflections (a count per programme and day: the event names nobody). Each is
 * written for a run of events at once as for one: each table's rows in their order, one key's rows round by round
 * (`writeRows`). A handler writing two tables writes one after the other: no rule of one table reads the other.
 */
export function communityHandlers(): EventHandler[] {
  return [
    handleInBatches(CommunityProgrammeCreatedV1, async (events, manager) => {
      await writeRows(
        manager,
        `INSERT INTO engagement_programme (programme_id, title, capacity)
         SELECT r.programme_id, r.title, r.capacity
           FROM jsonb_to_recordset($1::jsonb) AS r(programme_id uuid, title text, capacity integer)
         ON CONFLICT (programme_id) DO UPDATE SET title = EXCLUDED.title, capacity = EXCLUDED.capacity`,
        events.map(({ payload: { programmeId, title, capacity } }) => ({
          programme_id: programmeId,
          title,
          capacity,
        })),
        (row) => row.programme_id.toLowerCase(),
      );
      await upsertSessions(
        manager,
        events.flatMap(({ payload: { programmeId, sessions } }) =>
          sessions.map(({ sessionId, startsAt, theme }) => ({ sessionId, programmeId, startsAt, theme })),
        ),
      );
    }),
    handleInBatches(CommunityApplicationSubmittedV1, async (events, manager) => {
      const submitted = events.map(({ payload }) => payload);
      await upsertApplications(
        manager,
        submitted.map(({ applicationId, memberId, programmeId, submittedAt }) => ({
          applicationId,
          memberId,
          programmeId,
          submittedAt,
        })),
      );
      await recordActivities(
        manager,
        submitted.map(({ memberId, applicationId, submittedAt }) => ({
          memberId,
          activity: 'PROGRAMME_APPLICANTS' as const,
          sourceId: applicationId,
          occurredAt: submittedAt,
        })),
      );
    }),
    handleInBatches(CommunityApplicationDecidedV1, (events, manager) =>
      upsertApplications(
        manager,
        events.flatMap(({ payload: { memberId, applicationId, programmeId, status, decidedAt } }) =>
          status === 'ACCEPTED' || status === 'WAITLISTED'
            ? [
                {
                  applicationId,
                  memberId,
                  programmeId,
                  ...(status === 'ACCEPTED' ? { selectedAt: decidedAt } : { waitlistedAt: decidedAt }),
                },
              ]
            : [],
        ),
      ),
    ),
    handleInBatches(CommunityAttendanceRecordedV1, async (events, manager) => {
      const recorded = events.map(({ payload }) => payload);
      await upsertSessions(
        manager,
        recorded.map(({ programmeId, sessionId, sessionStartsAt }) => ({
          sessionId,
          programmeId,
          startsAt: sessionStartsAt,
          theme: null,
        })),
      );
      await recordActivities(
        manager,
        recorded.flatMap(({ sessionId, sessionStartsAt, attendees }) =>
          attendees.map((attendee) => ({
            memberId: attendee.memberId,
            activity: 'ATTENDEES' as const,
            sourceId: sessionId,
            occurredAt: sessionStartsAt,
          })),
        ),
      );
    }),
    handleInBatches(CommunityCertificateIssuedV1, (events, manager) =>
      insertFirstArrived(
        manager,
        'engagement_certificate',
        { certificate_id: 'uuid', member_id: 'uuid', programme_id: 'uuid', issued_at: 'timestamptz' },
        ['certificate_id'],
        events.map(({ payload }) => ({
          certificate_id: payload.certificateId,
          member_id: payload.memberId,
          programme_id: payload.programmeId,
          issued_at: payload.issuedAt,
        })),
      ),
    ),
    handleInBatches(CommunityReflectionSubmittedV1, async (events, manager) => {
      // a count: the run's reflections per programme and day are added at once, as one by one they would be
      const perDay = new Map<string, { programme_id: string; day: string; reflections: number }>();
      for (const { payload } of events) {
        const key = `${payload.programmeId.toLowerCase()}/${payload.submittedOn}`;
        const counted = perDay.get(key);
        if (counted) counted.reflections++;
        else perDay.set(key, { programme_id: payload.programmeId, day: payload.submittedOn, reflections: 1 });
      }
      await writeRows(
        manager,
        `INSERT INTO engagement_reflection_day (programme_id, day, reflections)
         SELECT r.programme_id, r.day, r.reflections
           FROM jsonb_to_recordset($1::jsonb) AS r(programme_id uuid, day date, reflections integer)
         ON CONFLICT (programme_id, day) DO UPDATE
           SET reflections = engagement_reflection_day.reflections + EXCLUDED.reflections`,
        [...perDay.values()],
        (row) => `${row.programme_id.toLowerCase()}/${row.day}`,
      );
    }),
  ];
}

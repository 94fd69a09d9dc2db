import type { EntityManager } from 'typeorm';
import {
  CommunityApplicationDecidedV1,
  CommunityApplicationSubmittedV1,
  CommunityAttendanceRecordedV1,
  CommunityCertificateIssuedV1,
  CommunityProgrammeCreatedV1,
  CommunityReflectionSubmittedV1,
} from '@praxis/contracts';
import { handle, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities } from './activity';

async function upsertSession(
  manager: EntityManager,
  session: { sessionId: string; programmeId: string; startsAt: string; theme: string | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO engagement_session (session_id, programme_id, starts_at, theme) VALUES ($1, $2, $3, $4)
     ON CONFLICT (session_id) DO UPDATE SET starts_at = EXCLUDED.starts_at,
       theme = COALESCE(EXCLUDED.theme, engagement_session.theme)`,
    [session.sessionId, session.programmeId, session.startsAt, session.theme],
  );
}

/**
 * An application keeps the first time of each thing that happened to it (made, accepted, waitlisted), so the
 * events may arrive in any order. Accepted covers selection and a confirmed waitlist offer alike.
 */
async function upsertApplication(
  manager: EntityManager,
  row: {
    applicationId: string;
    memberId: string;
    programmeId: string;
    submittedAt?: string;
    selectedAt?: string;
    waitlistedAt?: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO engagement_application (application_id, member_id, programme_id, submitted_at, selected_at, waitlisted_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (application_id) DO UPDATE SET
       submitted_at = LEAST(engagement_application.submitted_at, EXCLUDED.submitted_at),
       selected_at = LEAST(engagement_application.selected_at, EXCLUDED.selected_at),
       waitlisted_at = LEAST(engagement_application.waitlisted_at, EXCLUDED.waitlisted_at)`,
    [
      row.applicationId,
      row.memberId,
      row.programmeId,
      row.submittedAt ?? null,
      row.selectedAt ?? null,
      row.waitlistedAt ?? null,
    ],
  );
}

/**
 * Community's events: programmes and their sessions, applications and selection, attendance per session,
 * certificates, and anonymous reflections (a count per programme and day: the event names nobody).
 */
export function communityHandlers(): EventHandler[] {
  return [
    handle(CommunityProgrammeCreatedV1, async (event, manager) => {
      const { programmeId, title, capacity, sessions } = event.payload;
      await manager.query(
        `INSERT INTO engagement_programme (programme_id, title, capacity) VALUES ($1, $2, $3)
         ON CONFLICT (programme_id) DO UPDATE SET title = EXCLUDED.title, capacity = EXCLUDED.capacity`,
        [programmeId, title, capacity],
      );
      for (const session of sessions) {
        await upsertSession(manager, {
          sessionId: session.sessionId,
          programmeId,
          startsAt: session.startsAt,
          theme: session.theme,
        });
      }
    }),
    handle(CommunityApplicationSubmittedV1, async (event, manager) => {
      const { memberId, applicationId, programmeId, submittedAt } = event.payload;
      await upsertApplication(manager, { applicationId, memberId, programmeId, submittedAt });
      await recordActivities(manager, [
        { memberId, activity: 'PROGRAMME_APPLICANTS', sourceId: applicationId, occurredAt: submittedAt },
      ]);
    }),
    handle(CommunityApplicationDecidedV1, async (event, manager) => {
      const { memberId, applicationId, programmeId, status, decidedAt } = event.payload;
      if (status !== 'ACCEPTED' && status !== 'WAITLISTED') return;
      await upsertApplication(manager, {
        applicationId,
        memberId,
        programmeId,
        ...(status === 'ACCEPTED' ? { selectedAt: decidedAt } : { waitlistedAt: decidedAt }),
      });
    }),
    handle(CommunityAttendanceRecordedV1, async (event, manager) => {
      const { programmeId, sessionId, sessionStartsAt, attendees } = event.payload;
      await upsertSession(manager, { sessionId, programmeId, startsAt: sessionStartsAt, theme: null });
      await recordActivities(
        manager,
        attendees.map((attendee) => ({
          memberId: attendee.memberId,
          activity: 'ATTENDEES' as const,
          sourceId: sessionId,
          occurredAt: sessionStartsAt,
        })),
      );
    }),
    handle(CommunityCertificateIssuedV1, async (event, manager) => {
      const { certificateId, memberId, programmeId, issuedAt } = event.payload;
      await manager.query(
        `INSERT INTO engagement_certificate (certificate_id, member_id, programme_id, issued_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (certificate_id) DO NOTHING`,
        [certificateId, memberId, programmeId, issuedAt],
      );
    }),
    handle(CommunityReflectionSubmittedV1, async (event, manager) => {
      const { programmeId, submittedOn } = event.payload;
      await manager.query(
        `INSERT INTO engagement_reflection_day (programme_id, day, reflections) VALUES ($1, $2, 1)
         ON CONFLICT (programme_id, day) DO UPDATE SET reflections = engagement_reflection_day.reflections + 1`,
        [programmeId, submittedOn],
      );
    }),
  ];
}

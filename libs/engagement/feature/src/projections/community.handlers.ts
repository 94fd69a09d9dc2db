import { CommunityApplicationSubmittedV1, CommunityAttendanceRecordedV1 } from '@praxis/contracts';
import { handle, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities } from './activity';

/** Community's events: who applied to a programme and who attended its sessions. */
export function communityHandlers(): EventHandler[] {
  return [
    handle(CommunityApplicationSubmittedV1, async (event, manager) => {
      const { memberId, applicationId, submittedAt } = event.payload;
      await recordActivities(manager, [
        { memberId, activity: 'PROGRAMME_APPLICANTS', sourceId: applicationId, occurredAt: submittedAt },
      ]);
    }),
    handle(CommunityAttendanceRecordedV1, async (event, manager) => {
      const { sessionId, sessionStartsAt, attendees } = event.payload;
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
  ];
}

import { AwardAcceptedV1, ProtectedTimeApprovedV1, TimeLoggedV1 } from '@praxis/contracts';
import { applyIfNewer, handle, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities, removeActivity } from './activity';

/**
 * Funding's events for the funnel: awards accepted (every team member), protected time approved, time logged.
 * A time entry is kept as it now stands (the newest by sequence): edited to zero minutes, it no longer counts.
 */
export function fundingHandlers(): EventHandler[] {
  return [
    handle(AwardAcceptedV1, async (event, manager) => {
      const award = event.payload;
      await recordActivities(
        manager,
        award.teamMemberIds.map((memberId) => ({
          memberId,
          activity: 'AWARDS_ACCEPTED' as const,
          sourceId: award.awardId,
          occurredAt: award.at,
        })),
      );
    }),
    handle(ProtectedTimeApprovedV1, async (event, manager) => {
      const { memberId, allocationId, approvedAt } = event.payload;
      await recordActivities(manager, [
        { memberId, activity: 'TIME_APPROVED', sourceId: allocationId, occurredAt: approvedAt },
      ]);
    }),
    handle(TimeLoggedV1, async (event, manager, context) => {
      const { entryId, memberId, day, minutes } = event.payload;
      await applyIfNewer(manager, { context, event, stream: `time-entry:${entryId}` }, async () => {
        await removeActivity(manager, memberId, 'TIME_LOGGED', entryId);
        if (minutes > 0) {
          await recordActivities(manager, [
            { memberId, activity: 'TIME_LOGGED', sourceId: entryId, occurredAt: `${day}T12:00:00Z` },
          ]);
        }
      });
    }),
  ];
}

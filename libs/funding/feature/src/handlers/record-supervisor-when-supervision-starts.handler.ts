import { MentorshipRelationshipStartedV2 } from '@praxis/contracts';
import { handle, type EventHandler } from '@praxis/platform/messaging';
import type { AwardsService } from '../award/awards.service';

export const SUPERVISION_GROUP = 'funding.supervision';

/**
 * A SUPERVISION relationship confirmed for a competition winner names the entry (v2), so the supervisor is
 * recorded on the award that entry won, or kept until the award is offered when the results have not arrived
 * yet. Other relationships are not funding's concern. Setting the same value again is harmless, so a redelivery
 * changes nothing.
 */
export function recordSupervisorWhenSupervisionStarts(awards: AwardsService): EventHandler[] {
  return [
    handle(MentorshipRelationshipStartedV2, async (event, manager) => {
      const { kind, competitionId, proposalId, mentorId, startedAt } = event.payload;
      if (kind !== 'SUPERVISION' || competitionId === null || proposalId === null) return;
      await awards.recordSupervisor(manager, competitionId, proposalId, mentorId, new Date(startedAt));
    }),
  ];
}

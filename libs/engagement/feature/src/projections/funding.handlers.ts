import type { EntityManager } from 'typeorm';
import {
  AwardAcceptedV1,
  AwardDeclinedV1,
  AwardOfferedV1,
  ProtectedTimeAllocatedV1,
  ProtectedTimeApprovedV1,
  ProtectedTimeAtRiskV1,
  ProtectedTimeRecoveredV1,
  SpendRecordedV1,
  TimeLoggedV1,
  type PayloadOf,
} from '@praxis/contracts';
import { applyIfNewer, handle, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities, removeActivity } from './activity';

type AwardFacts = PayloadOf<typeof AwardOfferedV1>;

/** Every award event carries the award's facts; each happening sets its own time, keeping the first. */
async function upsertAward(
  manager: EntityManager,
  award: Omit<AwardFacts, 'requested' | 'cappedReason' | 'requestedHours'>,
  happened: 'offered_at' | 'accepted_at' | 'declined_at',
): Promise<void> {
  await manager.query(
    `INSERT INTO engagement_award
       (award_id, principal_investigator_id, institution_id, fund_id, amount_minor, currency, ${happened})
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (award_id) DO UPDATE SET
       institution_id = COALESCE(EXCLUDED.institution_id, engagement_award.institution_id),
       fund_id = COALESCE(EXCLUDED.fund_id, engagement_award.fund_id),
       amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
       ${happened} = LEAST(engagement_award.${happened}, EXCLUDED.${happened})`,
    [
      award.awardId,
      award.principalInvestigatorId,
      award.institutionId,
      award.fundId,
      award.amount.amountMinor,
      award.amount.currency,
      award.at,
    ],
  );
}

/** Allocated and approved both state the allocation; approval adds its time. */
async function upsertAllocation(
  manager: EntityManager,
  allocation: {
    allocationId: string;
    memberId: string;
    weeklyMinutes: number;
    from: string;
    to: string;
    replacesAllocationId?: string | null;
    approvedAt?: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO engagement_allocation
       (allocation_id, member_id, weekly_minutes, from_day, to_day, replaces_allocation_id, approved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (allocation_id) DO UPDATE SET weekly_minutes = EXCLUDED.weekly_minutes,
       from_day = EXCLUDED.from_day, to_day = EXCLUDED.to_day,
       replaces_allocation_id = COALESCE(EXCLUDED.replaces_allocation_id, engagement_allocation.replaces_allocation_id),
       approved_at = COALESCE(engagement_allocation.approved_at, EXCLUDED.approved_at)`,
    [
      allocation.allocationId,
      allocation.memberId,
      allocation.weeklyMinutes,
      allocation.from,
      allocation.to,
      allocation.replacesAllocationId ?? null,
      allocation.approvedAt ?? null,
    ],
  );
}

/**
 * Funding's events: awards (offered, accepted, declined, with amount and fund), the spend ledger, protected time
 * (allocations, approval, the time log, erosion episodes) and the funnel's steps. A time entry is kept as it now
 * stands (the newest by sequence): edited to zero minutes, it no longer counts.
 */
export function fundingHandlers(): EventHandler[] {
  return [
    handle(AwardOfferedV1, (event, manager) => upsertAward(manager, event.payload, 'offered_at')),
    handle(AwardDeclinedV1, (event, manager) => upsertAward(manager, event.payload, 'declined_at')),
    handle(AwardAcceptedV1, async (event, manager) => {
      const award = event.payload;
      await upsertAward(manager, award, 'accepted_at');
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
    handle(SpendRecordedV1, async (event, manager) => {
      const spend = event.payload;
      await manager.query(
        `INSERT INTO engagement_spend
           (entry_id, award_id, fund_id, principal_investigator_id, institution_id, kind, amount_minor, currency, spent_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (entry_id) DO NOTHING`,
        [
          spend.entryId,
          spend.awardId,
          spend.fundId,
          spend.principalInvestigatorId,
          spend.institutionId,
          spend.kind,
          spend.amount.amountMinor,
          spend.amount.currency,
          spend.spentOn,
        ],
      );
    }),
    handle(ProtectedTimeAllocatedV1, (event, manager) => upsertAllocation(manager, event.payload)),
    handle(ProtectedTimeApprovedV1, async (event, manager) => {
      const { memberId, allocationId, approvedAt } = event.payload;
      await upsertAllocation(manager, { ...event.payload, approvedAt });
      await recordActivities(manager, [
        { memberId, activity: 'TIME_APPROVED', sourceId: allocationId, occurredAt: approvedAt },
      ]);
    }),
    handle(TimeLoggedV1, async (event, manager, context) => {
      const { entryId, memberId, day, minutes } = event.payload;
      await applyIfNewer(manager, { context, event, stream: `time-entry:${entryId}` }, async () => {
        await manager.query(
          `INSERT INTO engagement_time_entry (entry_id, member_id, day, minutes) VALUES ($1, $2, $3, $4)
           ON CONFLICT (entry_id) DO UPDATE SET day = EXCLUDED.day, minutes = EXCLUDED.minutes`,
          [entryId, memberId, day, minutes],
        );
        await removeActivity(manager, memberId, 'TIME_LOGGED', entryId);
        if (minutes > 0) {
          await recordActivities(manager, [
            { memberId, activity: 'TIME_LOGGED', sourceId: entryId, occurredAt: `${day}T12:00:00Z` },
          ]);
        }
      });
    }),
    handle(ProtectedTimeAtRiskV1, async (event, manager) => {
      const { memberId, episodeStartedWeek, detectedAt } = event.payload;
      await manager.query(
        `INSERT INTO engagement_time_risk (member_id, episode_started_week, detected_at) VALUES ($1, $2, $3)
         ON CONFLICT (member_id, episode_started_week) DO UPDATE SET detected_at = EXCLUDED.detected_at`,
        [memberId, episodeStartedWeek, detectedAt],
      );
    }),
    handle(ProtectedTimeRecoveredV1, async (event, manager) => {
      const { memberId, episodeStartedWeek, detectedAt } = event.payload;
      await manager.query(
        `INSERT INTO engagement_time_risk (member_id, episode_started_week, recovered_at) VALUES ($1, $2, $3)
         ON CONFLICT (member_id, episode_started_week) DO UPDATE SET recovered_at = EXCLUDED.recovered_at`,
        [memberId, episodeStartedWeek, detectedAt],
      );
    }),
  ];
}

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
import { applicableInOrder, handleInBatches, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities } from './activity';
import { insertFirstArrived, writeRows } from './rows';

type AwardFacts = Omit<PayloadOf<typeof AwardOfferedV1>, 'requested' | 'cappedReason' | 'requestedHours'>;

/**
 * Every award event carries the award's facts; each happening sets its own time, keeping the first. The awards'
 * rows go in their order (one award's rows round by round).
 */
async function upsertAwards(
  manager: EntityManager,
  awards: readonly AwardFacts[],
  happened: 'offered_at' | 'accepted_at' | 'declined_at',
): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO engagement_award
       (award_id, principal_investigator_id, institution_id, fund_id, amount_minor, currency, ${happened})
     SELECT r.award_id, r.principal_investigator_id, r.institution_id, r.fund_id, r.amount_minor, r.currency, r.at
       FROM jsonb_to_recordset($1::jsonb) AS r(award_id uuid, principal_investigator_id uuid, institution_id uuid,
         fund_id uuid, amount_minor bigint, currency text, at timestamptz)
     ON CONFLICT (award_id) DO UPDATE SET
       institution_id = COALESCE(EXCLUDED.institution_id, engagement_award.institution_id),
       fund_id = COALESCE(EXCLUDED.fund_id, engagement_award.fund_id),
       amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
       ${happened} = LEAST(engagement_award.${happened}, EXCLUDED.${happened})`,
    awards.map((award) => ({
      award_id: award.awardId,
      principal_investigator_id: award.principalInvestigatorId,
      institution_id: award.institutionId,
      fund_id: award.fundId,
      amount_minor: award.amount.amountMinor,
      currency: award.amount.currency,
      at: award.at,
    })),
    (row) => row.award_id.toLowerCase(),
  );
}

interface AllocationRow {
  allocationId: string;
  memberId: string;
  weeklyMinutes: number;
  from: string;
  to: string;
  replacesAllocationId?: string | null;
  approvedAt?: string;
}

/** Allocated and approved both state the allocation; approval adds its time. */
async function upsertAllocations(
  manager: EntityManager,
  allocations: readonly AllocationRow[],
): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO engagement_allocation
       (allocation_id, member_id, weekly_minutes, from_day, to_day, replaces_allocation_id, approved_at)
     SELECT r.allocation_id, r.member_id, r.weekly_minutes, r.from_day, r.to_day, r.replaces_allocation_id, r.approved_at
       FROM jsonb_to_recordset($1::jsonb) AS r(allocation_id uuid, member_id uuid, weekly_minutes integer,
         from_day date, to_day date, replaces_allocation_id uuid, approved_at timestamptz)
     ON CONFLICT (allocation_id) DO UPDATE SET weekly_minutes = EXCLUDED.weekly_minutes,
       from_day = EXCLUDED.from_day, to_day = EXCLUDED.to_day,
       replaces_allocation_id = COALESCE(EXCLUDED.replaces_allocation_id, engagement_allocation.replaces_allocation_id),
       approved_at = COALESCE(engagement_allocation.approved_at, EXCLUDED.approved_at)`,
    allocations.map((allocation) => ({
      allocation_id: allocation.allocationId,
      member_id: allocation.memberId,
      weekly_minutes: allocation.weeklyMinutes,
      from_day: allocation.from,
      to_day: allocation.to,
      replaces_allocation_id: allocation.replacesAllocationId ?? null,
      approved_at: allocation.approvedAt ?? null,
    })),
    (row) => row.allocation_id.toLowerCase(),
  );
}

/** An erosion episode's detection or recovery: the latest of each stands. */
async function upsertEpisodes(
  manager: EntityManager,
  episodes: ReadonlyArray<{ memberId: string; episodeStartedWeek: string; detectedAt: string }>,
  column: 'detected_at' | 'recovered_at',
): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO engagement_time_risk (member_id, episode_started_week, ${column})
     SELECT r.member_id, r.episode_started_week, r.at
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id uuid, episode_started_week text, at timestamptz)
     ON CONFLICT (member_id, episode_started_week) DO UPDATE SET ${column} = EXCLUDED.${column}`,
    episodes.map((episode) => ({
      member_id: episode.memberId,
      episode_started_week: episode.episodeStartedWeek,
      at: episode.detectedAt,
    })),
    (row) => `${row.member_id.toLowerCase()}/${row.episode_started_week}`,
  );
}

/**
 * Funding's events: awards (offered, accepted, declined, with amount and fund), the spend ledger, protected time
 * (allocations, approval, the time log, erosion episodes) and the funnel's steps. A time entry is kept as it now
 * stands (the newest by sequence): edited to zero minutes, it no longer counts. Each is written for a run of
 * events at once as for one: each table's rows in their order, one key's rows round by round (`writeRows`); a
 * handler writing two tables writes one after the other, as no rule of one table reads the other.
 */
export function fundingHandlers(): EventHandler[] {
  return [
    handleInBatches(AwardOfferedV1, (events, manager) =>
      upsertAwards(
        manager,
        events.map((event) => event.payload),
        'offered_at',
      ),
    ),
    handleInBatches(AwardDeclinedV1, (events, manager) =>
      upsertAwards(
        manager,
        events.map((event) => event.payload),
        'declined_at',
      ),
    ),
    handleInBatches(AwardAcceptedV1, async (events, manager) => {
      const awards = events.map((event) => event.payload);
      await upsertAwards(manager, awards, 'accepted_at');
      await recordActivities(
        manager,
        awards.flatMap((award) =>
          award.teamMemberIds.map((memberId) => ({
            memberId,
            activity: 'AWARDS_ACCEPTED' as const,
            sourceId: award.awardId,
            occurredAt: award.at,
          })),
        ),
      );
    }),
    handleInBatches(SpendRecordedV1, (events, manager) =>
      insertFirstArrived(
        manager,
        'engagement_spend',
        {
          entry_id: 'uuid',
          award_id: 'uuid',
          fund_id: 'uuid',
          principal_investigator_id: 'uuid',
          institution_id: 'uuid',
          kind: 'text',
          amount_minor: 'bigint',
          currency: 'text',
          spent_on: 'date',
        },
        ['entry_id'],
        events.map(({ payload: spend }) => ({
          entry_id: spend.entryId,
          award_id: spend.awardId,
          fund_id: spend.fundId,
          principal_investigator_id: spend.principalInvestigatorId,
          institution_id: spend.institutionId,
          kind: spend.kind,
          amount_minor: spend.amount.amountMinor,
          currency: spend.amount.currency,
          spent_on: spend.spentOn,
        })),
      ),
    ),
    handleInBatches(ProtectedTimeAllocatedV1, (events, manager) =>
      upsertAllocations(
        manager,
        events.map((event) => event.payload),
      ),
    ),
    handleInBatches(ProtectedTimeApprovedV1, async (events, manager) => {
      const approved = events.map((event) => event.payload);
      await upsertAllocations(manager, approved);
      await recordActivities(
        manager,
        approved.map(({ memberId, allocationId, approvedAt }) => ({
          memberId,
          activity: 'TIME_APPROVED' as const,
          sourceId: allocationId,
          occurredAt: approvedAt,
        })),
      );
    }),
    handleInBatches(TimeLoggedV1, async (events, manager, context) => {
      const applies = await applicableInOrder(
        manager,
        context,
        events.map((event) => ({ event, stream: `time-entry:${event.payload.entryId}` })),
      );
      const logged = events.filter((_, index) => applies[index]).map((event) => event.payload);
      await writeRows(
        manager,
        `INSERT INTO engagement_time_entry (entry_id, member_id, day, minutes)
         SELECT r.entry_id, r.member_id, r.day, r.minutes
           FROM jsonb_to_recordset($1::jsonb) AS r(entry_id uuid, member_id uuid, day date, minutes integer)
         ON CONFLICT (entry_id) DO UPDATE SET day = EXCLUDED.day, minutes = EXCLUDED.minutes`,
        logged.map(({ entryId, memberId, day, minutes }) => ({
          entry_id: entryId,
          member_id: memberId,
          day,
          minutes,
        })),
        (row) => row.entry_id.toLowerCase(),
      );
      // one by one, each applied entry removes its member's TIME_LOGGED for the entry and records it again when it
      // has minutes: what stays per member and entry is the last one's doing
      const last = new Map<string, (typeof logged)[number]>();
      for (const entry of logged) last.set(`${entry.memberId.toLowerCase()}/${entry.entryId}`, entry);
      const settled = [...last.values()];
      if (settled.length > 0)
        await manager.query(
          `DELETE FROM engagement_activity AS a USING unnest($1::uuid[], $2::text[]) AS r(member_id, source_id)
            WHERE a.activity = 'TIME_LOGGED' AND a.member_id = r.member_id AND a.source_id = r.source_id`,
          [settled.map((entry) => entry.memberId), settled.map((entry) => entry.entryId)],
        );
      await recordActivities(
        manager,
        settled
          .filter((entry) => entry.minutes > 0)
          .map(({ memberId, entryId, day }) => ({
            memberId,
            activity: 'TIME_LOGGED' as const,
            sourceId: entryId,
            occurredAt: `${day}T12:00:00Z`,
          })),
      );
    }),
    handleInBatches(ProtectedTimeAtRiskV1, (events, manager) =>
      upsertEpisodes(
        manager,
        events.map((event) => event.payload),
        'detected_at',
      ),
    ),
    handleInBatches(ProtectedTimeRecoveredV1, (events, manager) =>
      upsertEpisodes(
        manager,
        events.map((event) => event.payload),
        'recovered_at',
      ),
    ),
  ];
}

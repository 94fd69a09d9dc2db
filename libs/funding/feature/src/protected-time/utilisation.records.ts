import type { EntityManager } from 'typeorm';
import { AllocationEntity } from '@praxis/funding/data-access';
import {
  INSTITUTION_UTILISATION_SQL,
  utilisationByPeriod,
  type IsoDay,
  type UtilisationGranularity,
  type UtilisationRow,
} from '@praxis/funding/domain';

/** A member's approved allocations and daily log totals over [from, to], as utilisation rows. */
export async function utilisationOf(
  manager: EntityManager,
  memberId: string,
  range: { from: IsoDay; to: IsoDay },
  today: IsoDay,
  granularity: UtilisationGranularity,
): Promise<UtilisationRow[]> {
  const allocations = await manager.find(AllocationEntity, { where: { memberId, status: 'APPROVED' } });
  const logs: Array<{ day: string; minutes: number }> = await manager.query(
    `SELECT day::text AS day, sum(minutes)::int AS minutes FROM time_log
      WHERE member_id = $1 AND day BETWEEN $2 AND $3 GROUP BY day`,
    [memberId, range.from, range.to],
  );
  return utilisationByPeriod(
    allocations.map((a) => ({ weeklyMinutes: a.weeklyMinutes, from: a.fromDay, to: a.toDay })),
    logs.map((log) => ({ date: log.day, minutes: log.minutes })),
    range,
    today,
    granularity,
  );
}

/** One ISO week of an institution's protected time, summed over its members. */
export interface InstitutionWeekRow {
  /** The Monday. */
  weekStart: IsoDay;
  /** Members with approved time in the week. */
  members: number;
  /** Allocated minutes × 7, exact (see `allocatedMinuteDays`). */
  allocatedMinuteDays: number;
  /** Logged on days an approved allocation of the member covers. */
  loggedMinutes: number;
}

export async function institutionUtilisationOf(
  manager: EntityManager,
  institutionId: string,
  range: { from: IsoDay; to: IsoDay },
  today: IsoDay,
): Promise<InstitutionWeekRow[]> {
  const rows: Array<{
    weekStart: string;
    members: number;
    allocatedMinuteDays: string;
    loggedMinutes: string;
  }> = await manager.query(INSTITUTION_UTILISATION_SQL, [institutionId, range.from, range.to, today]);
  return rows.map((row) => ({
    weekStart: row.weekStart,
    members: row.members,
    allocatedMinuteDays: Number(row.allocatedMinuteDays),
    loggedMinutes: Number(row.loggedMinutes),
  }));
}

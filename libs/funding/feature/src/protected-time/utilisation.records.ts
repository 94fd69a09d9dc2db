import type { EntityManager } from 'typeorm';
import { AllocationEntity } from '@praxis/funding/data-access';
import {
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

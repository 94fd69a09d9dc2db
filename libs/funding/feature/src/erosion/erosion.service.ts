import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProtectedTimeAtRiskV1, ProtectedTimeRecoveredV1 } from '@praxis/contracts';
import { isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import { paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { memberReplica } from '@praxis/platform/member-replica';
import { appendToOutbox } from '@praxis/platform/messaging';
import { ErosionStateEntity } from '@praxis/funding/data-access';
import {
  addDays,
  assessErosion,
  dayInZone,
  erosionTransitions,
  type ErosionState,
  type IsoDay,
} from '@praxis/funding/domain';
import { FUNDING_OPTIONS, type FundingOptions } from '../funding.options';
import { utilisationOf } from '../protected-time/utilisation.records';

/** How far back a member's weeks are replayed: two years, the longest range utilisation is read over. */
const LOOKBACK_DAYS = 7 * 104;

export interface AtRiskCheckOutcome {
  assessed: number;
  started: number;
  recovered: number;
}

/**
 * The weekly AT_RISK check (issue 9, "protected time eroded by clinical work"): replays each member's complete
 * weeks, stores the flag and publishes one at-risk event when an episode starts and one recovered event when it
 * ends. Each member is decided in a transaction of its own under a per-member lock, with the events in the same
 * transaction as the stored state, so a rerun of the same week publishes nothing twice.
 */
@Injectable()
export class ErosionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FUNDING_OPTIONS) private readonly options: FundingOptions,
  ) {}

  /** Checks every member with approved time in the last weeks, or flagged now, as of the tick's day. */
  async flagAtRisk(context: { tick: Date; signal?: AbortSignal }): Promise<AtRiskCheckOutcome> {
    const today = dayInZone(context.tick);
    const recent = addDays(today, -7 * (this.options.erosion.consecutiveWeeks + 1));
    const members: Array<{ member_id: string }> = await this.dataSource.query(
      `SELECT member_id FROM allocation WHERE status = 'APPROVED' AND to_day >= $1 AND from_day <= $2
       UNION SELECT member_id FROM erosion_state WHERE episode_started_week IS NOT NULL
       ORDER BY member_id`,
      [recent, today],
    );
    const outcome: AtRiskCheckOutcome = { assessed: 0, started: 0, recovered: 0 };
    for (const { member_id: memberId } of members) {
      if (context.signal?.aborted) break;
      const published = await this.dataSource.transaction((manager) => this.check(manager, memberId, today));
      outcome.assessed += 1;
      outcome.started += published.started;
      outcome.recovered += published.recovered;
    }
    return outcome;
  }

  private async check(
    manager: EntityManager,
    memberId: string,
    today: IsoDay,
  ): Promise<{ started: number; recovered: number }> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('funding:erosion:' || $1))`, [memberId]);
    const earliest: Array<{ from_day: string | null }> = await manager.query(
      `SELECT min(from_day)::text AS from_day FROM allocation WHERE member_id = $1 AND status = 'APPROVED'`,
      [memberId],
    );
    const lookback = addDays(today, -LOOKBACK_DAYS);
    const firstDay = earliest[0]?.from_day ?? lookback;
    const from = firstDay > lookback ? firstDay : lookback;
    const weeks =
      from <= today ? await utilisationOf(manager, memberId, { from, to: today }, today, 'WEEK') : [];
    const state = assessErosion(weeks, this.options.erosion);
    const stored = await manager.findOneBy(ErosionStateEntity, { memberId });
    const transitions = erosionTransitions(stored, state);
    const member = await memberReplica(manager).profile(memberId);
    const institutionId = member?.institutionId ?? stored?.institutionId ?? null;
    const facts = {
      memberId,
      institutionId,
      thresholdPercent: this.options.erosion.thresholdPercent,
      consecutiveWeeks: this.options.erosion.consecutiveWeeks,
    };
    const detectedAt = this.options.clock.now();
    let flaggedAt = stored?.episodeStartedWeek ? stored.flaggedAt : null;
    let started = 0;
    let recovered = 0;
    for (const transition of transitions) {
      if (transition.kind === 'RECOVERED') {
        await appendToOutbox(
          manager,
          ProtectedTimeRecoveredV1,
          memberId,
          {
            ...facts,
            episodeStartedWeek: transition.startedWeek,
            recoveredWeek: recoveredWeekOf(state, transition.startedWeek),
            detectedAt: detectedAt.toISOString(),
          },
          { actorId: null },
        );
        flaggedAt = null;
        recovered += 1;
      } else {
        await appendToOutbox(
          manager,
          ProtectedTimeAtRiskV1,
          memberId,
          {
            ...facts,
            episodeStartedWeek: transition.episode.startedWeek,
            firstLowWeek: transition.episode.firstLowWeek,
            detectedAt: detectedAt.toISOString(),
          },
          { actorId: null },
        );
        flaggedAt = detectedAt;
        started += 1;
      }
    }
    // an ongoing episode keeps the identity it was published with, even if a late edit moved its start
    const episodeStartedWeek =
      state.episode === null
        ? null
        : transitions.some((t) => t.kind === 'AT_RISK_STARTED')
          ? state.episode.startedWeek
          : (stored?.episodeStartedWeek ?? state.episode.startedWeek);
    await manager.upsert(
      ErosionStateEntity,
      {
        memberId,
        episodeStartedWeek,
        firstLowWeek: state.episode?.firstLowWeek ?? null,
        assessedThroughWeek: state.assessedThroughWeek,
        flaggedAt: episodeStartedWeek === null ? null : (flaggedAt ?? detectedAt),
        institutionId,
      },
      ['memberId'],
    );
    return { started, recovered };
  }

  /**
   * Members flagged AT_RISK now whom the caller may see, most recently flagged first: admins all; leads the
   * members of their institutions; supervisors the principal investigators of awards they supervise; a member
   * themself.
   */
  atRiskMembers(principal: Principal, page: PageRequest): Promise<Connection<ErosionStateEntity>> {
    const query = this.dataSource
      .getRepository(ErosionStateEntity)
      .createQueryBuilder('e')
      .where('e.episode_started_week IS NOT NULL');
    if (!isAdmin(principal)) {
      query.andWhere(
        `(e.member_id = :viewer OR e.institution_id = ANY(CAST(:leadOf AS uuid[]))
          OR EXISTS (SELECT 1 FROM award a WHERE a.principal_investigator_id = e.member_id
                     AND a.supervisor_id = :viewer))`,
        { viewer: principal.memberId, leadOf: leadInstitutions(principal) },
      );
    }
    return paginate(query, page, ['flaggedAt', 'memberId']);
  }
}

/** The week that ended the episode published as `startedWeek` (or, if a late edit erased it, the last one). */
function recoveredWeekOf(state: ErosionState, startedWeek: string): string {
  const ended = state.episodes.filter((episode) => episode.recoveredWeek !== null);
  const same = ended.find((episode) => episode.startedWeek === startedWeek) ?? ended[ended.length - 1];
  return same?.recoveredWeek ?? state.assessedThroughWeek ?? startedWeek;
}

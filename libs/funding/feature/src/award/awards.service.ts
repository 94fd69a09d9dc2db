import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isAdmin, type Principal } from '@praxis/platform/auth';
import { paginate, type Connection } from '@praxis/platform/graphql';
import {
  AwardEntity,
  AwardTransitionEntity,
  BudgetLineEntity,
  FundEntity,
} from '@praxis/funding/data-access';
import {
  addMonths,
  addDays,
  assertFundCanAbsorb,
  awardLedgerFigures,
  dayInZone,
  defaultBudgetLines,
  FundingDomainError,
  FundingErrorCode,
  isIsoDay,
  minMoney,
  money,
  proposedWeeklyMinutes,
  shareCompetitionFunding,
  throwIfInvalid,
  toEpochDay,
  transitionAward,
  validateBudgetLines,
  type AwardAction,
  type AwardStatus,
  type BudgetLine,
  type CompetitionResults,
  type FieldError,
} from '@praxis/funding/domain';
import { canSeeAward, notFound, visibleAwardsClause } from '../funding.access';
import { FUNDING_OPTIONS, type FundingOptions } from '../funding.options';
import { moneyOf } from '../money.graphql';
import {
  awardAmount,
  balanceOfFund,
  budgetLinesOf,
  entriesOf,
  lockAward,
  lockFund,
} from '../ledger/ledger.records';
import { proposeAllocation } from '../protected-time/allocation.records';
import { DEFAULT_REPORT_EVERY_MONTHS, scheduleReports } from '../reporting/reports.service';
import { recordWinnerOutcome } from './winner-outcomes';
import { publishAwardOffered, publishAwardTransition } from './award-events';
import type { BudgetLineInput, CreateAwardInput } from './award.objects';

export interface EventMeta {
  correlationId: string;
  causationId: string;
}

/** One competition entry's award and supervisor are decided one transaction at a time. */
async function lockCompetitionEntry(manager: EntityManager, competitionId: string, proposalId: string) {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('funding:entry:' || $1 || ':' || $2))`, [
    competitionId,
    proposalId,
  ]);
}

@Injectable()
export class AwardsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FUNDING_OPTIONS) private readonly options: FundingOptions,
  ) {}

  /** An admin offers an award against a fund; the fund must be able to promise the whole amount. */
  async create(input: CreateAwardInput, actorId: string): Promise<AwardEntity> {
    const amount = moneyOf(input.amount, 'amount');
    const errors: FieldError[] = [];
    if (amount.amountMinor <= 0) errors.push({ field: 'amount', message: 'must be more than zero' });
    if (!isIsoDay(input.startsOn)) errors.push({ field: 'startsOn', message: 'must be a date YYYY-MM-DD' });
    if (!isIsoDay(input.endsOn)) errors.push({ field: 'endsOn', message: 'must be a date YYYY-MM-DD' });
    else if (isIsoDay(input.startsOn) && toEpochDay(input.endsOn) < toEpochDay(input.startsOn)) {
      errors.push({ field: 'endsOn', message: `must not be before startsOn (${input.startsOn})` });
    }
    const hours = input.requestedHours ?? null;
    if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 100_000)) {
      errors.push({ field: 'requestedHours', message: 'must be from 0 to 100000' });
    }
    throwIfInvalid(errors);
    return this.dataSource.transaction(async (manager) => {
      const fund = await lockFund(manager, input.fundId);
      if (!fund) throw notFound('fund');
      if (fund.currency !== amount.currency) {
        throw FundingDomainError.invalidInput([
          { field: 'amount.currency', message: `must be the fund's currency ${fund.currency}` },
        ]);
      }
      assertFundCanAbsorb(await balanceOfFund(manager, fund), amount, 'This award');
      const team = [...new Set([input.principalInvestigatorId, ...input.teamMemberIds])];
      const institutions = await institutionsOf(manager, team);
      const award = await manager.save(
        manager.create(AwardEntity, {
          title: input.title.trim(),
          fundId: fund.id,
          currency: amount.currency,
          amountMinor: amount.amountMinor,
          requestedMinor: null,
          cappedReason: null,
          requestedHours: hours,
          status: 'OFFERED',
          principalInvestigatorId: input.principalInvestigatorId,
          teamMemberIds: team,
          institutionIds: institutions,
          competitionId: null,
          proposalId: null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          supervisorId: null,
          finalReportSubmitted: false,
        }),
      );
      await this.offered(manager, award, actorId);
      await publishAwardOffered(manager, award, actorId);
      return award;
    });
  }

  /**
   * Awards for a competition's winners, in rank order, against the competition's fund (capped by what it still
   * has). The unique (competition, proposal) index with ON CONFLICT DO NOTHING makes a redelivered event, or v1
   * and v2 of the same results, create nothing twice; the inbox already drops the same event id.
   */
  async offerForResults(
    manager: EntityManager,
    title: string,
    publishedAt: Date,
    results: CompetitionResults,
    meta: EventMeta,
  ): Promise<number> {
    const fundRow = await manager.findOneBy(FundEntity, { competitionId: results.competitionId });
    const fund = fundRow ? await lockFund(manager, fundRow.id) : null;
    let capped = results;
    if (fund && fund.currency === results.currency) {
      const { available } = await balanceOfFund(manager, fund);
      capped = {
        ...results,
        fundingAvailable:
          results.fundingAvailable === null ? available : minMoney(results.fundingAvailable, available),
      };
    }
    const startsOn = dayInZone(publishedAt);
    const endsOn = addDays(addMonths(startsOn, this.options.competitionAwardMonths), -1);
    const winners = new Map(results.winners.map((winner) => [winner.proposalId, winner]));
    let offered = 0;
    for (const share of shareCompetitionFunding(capped)) {
      await lockCompetitionEntry(manager, results.competitionId, share.proposalId);
      const winner = winners.get(share.proposalId);
      const outcome = {
        competitionId: results.competitionId,
        proposalId: share.proposalId,
        rank: share.rank,
        principalInvestigatorId: share.principalInvestigatorId,
        teamMemberIds: [...share.teamMemberIds],
        institutionIds: [...(winner?.institutionIds ?? [])],
        share: share.outcome,
        currency: share.amount.currency,
        requestedMinor: share.requested.amountMinor,
        amountMinor: share.amount.amountMinor,
        reason: share.cappedReason,
      };
      if (share.outcome === 'NOTHING_LEFT') {
        // no award, but the winner, their leads and admins can read why (competitionFundingOutcomes)
        await recordWinnerOutcome(manager, { ...outcome, awardId: null });
        continue;
      }
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AwardEntity)
        .values({
          title: `${title}: rank ${share.rank}`,
          fundId: fund && fund.currency === share.amount.currency ? fund.id : null,
          currency: share.amount.currency,
          amountMinor: share.amount.amountMinor,
          requestedMinor: share.requested.amountMinor,
          cappedReason: share.cappedReason,
          requestedHours: share.requestedHours,
          status: 'OFFERED',
          principalInvestigatorId: share.principalInvestigatorId,
          teamMemberIds: [...share.teamMemberIds],
          institutionIds: [...(winner?.institutionIds ?? [])],
          competitionId: results.competitionId,
          proposalId: share.proposalId,
          startsOn,
          endsOn,
          supervisorId: null,
          finalReportSubmitted: false,
          version: 1,
          // the statement's own clock, not the transaction's: awards offered by one event then stand in rank
          // order, which is the order a fund created later attaches them in ("oldest first")
          createdAt: () => 'clock_timestamp()',
        })
        .orIgnore()
        .returning('*')
        .execute();
      const id = (inserted.identifiers[0] as { id?: string } | undefined)?.id;
      if (!id) continue;
      // a supervisor mentorship confirmed before these results reached funding
      const [pending] = (await manager.query(
        `DELETE FROM pending_supervisor WHERE competition_id = $1 AND proposal_id = $2 RETURNING supervisor_id`,
        [results.competitionId, share.proposalId],
      )) as [Array<{ supervisor_id: string }>, number];
      if (pending.length > 0) {
        await manager.update(AwardEntity, { id }, { supervisorId: pending[0].supervisor_id });
      }
      const award = await manager.findOneByOrFail(AwardEntity, { id });
      await recordWinnerOutcome(manager, { ...outcome, awardId: award.id });
      await this.offered(manager, award, null);
      await publishAwardOffered(manager, award, null, meta);
      offered += 1;
    }
    return offered;
  }

  private async offered(manager: EntityManager, award: AwardEntity, actorId: string | null): Promise<void> {
    await this.saveLines(manager, award.id, defaultBudgetLines(awardAmount(award)));
    await manager.save(
      manager.create(AwardTransitionEntity, {
        awardId: award.id,
        action: 'OFFER',
        fromStatus: null,
        toStatus: 'OFFERED',
        by: actorId,
        at: award.createdAt,
        reason: award.cappedReason,
      }),
    );
  }

  private async saveLines(manager: EntityManager, awardId: string, lines: readonly BudgetLine[]) {
    await manager.delete(BudgetLineEntity, { awardId });
    await manager.save(
      lines.map((line) =>
        manager.create(BudgetLineEntity, {
          awardId,
          category: line.category,
          budgetedMinor: line.budgeted.amountMinor,
        }),
      ),
    );
  }

  /** One status change: the domain's state machine decides, under the award's row lock. */
  async transition(
    awardId: string,
    action: AwardAction,
    principal: Principal,
    reason: string | null,
    reportEveryMonths = DEFAULT_REPORT_EVERY_MONTHS,
  ): Promise<AwardEntity> {
    return this.dataSource.transaction(async (manager) => {
      const award = await lockAward(manager, awardId);
      if (!award || !canSeeAward(principal, award)) throw notFound('award');
      const lines = (await budgetLinesOf(manager, [award.id])).get(award.id) ?? [];
      const at = this.options.clock.now();
      const record = transitionAward(
        {
          id: award.id,
          status: award.status,
          principalInvestigatorId: award.principalInvestigatorId,
          amount: awardAmount(award),
          budgetLines: lines,
          finalReportSubmitted: award.finalReportSubmitted,
        },
        action,
        { memberId: principal.memberId, isAdmin: isAdmin(principal) },
        at,
        reason,
      );
      if (action === 'ACTIVATE' && award.fundId === null) {
        throw new FundingDomainError(
          FundingErrorCode.AWARD_HAS_NO_FUND,
          'This award draws on no fund yet: create a fund for its competition before activating it',
          { awardId: award.id },
        );
      }
      award.status = record.to;
      await manager.save(award);
      await manager.save(
        manager.create(AwardTransitionEntity, {
          awardId: award.id,
          action: record.action,
          fromStatus: record.from,
          toStatus: record.to,
          by: record.by,
          at: record.at,
          reason: record.reason,
        }),
      );
      // the reports the award owes are set when it starts: progress every N months, then the final one
      if (action === 'ACTIVATE') await scheduleReports(manager, award, dayInZone(at), reportEveryMonths);
      const entries = (await entriesOf(manager, [award.id])).get(award.id) ?? [];
      const paid = awardLedgerFigures(lines, entries, award.currency).paid.amountMinor;
      await publishAwardTransition(manager, award, action, principal.memberId, at, paid);
      if (action === 'ACCEPT') {
        // the institution is asked to release the hours the winner asked for, spread over the award
        const weekly = proposedWeeklyMinutes(award.requestedHours ?? 0, award.startsOn, award.endsOn);
        if (weekly !== null) {
          await proposeAllocation(
            manager,
            {
              awardId: award.id,
              memberId: award.principalInvestigatorId,
              weeklyMinutes: weekly,
              unit: 'HOURS',
              from: award.startsOn,
              to: award.endsOn,
            },
            principal.memberId,
          );
        }
      }
      return award;
    });
  }

  /** Admins split an award into budget lines before activation (activation checks they add up). */
  async setBudgetLines(awardId: string, input: readonly BudgetLineInput[]): Promise<AwardEntity> {
    return this.dataSource.transaction(async (manager) => {
      const award = await lockAward(manager, awardId);
      if (!award) throw notFound('award');
      if (award.status !== 'OFFERED' && award.status !== 'ACCEPTED') {
        throw new FundingDomainError(
          FundingErrorCode.ILLEGAL_AWARD_TRANSITION,
          `Budget lines are agreed before activation; this award is ${award.status}`,
          { awardId, status: award.status },
        );
      }
      const lines = input.map((line, index) => ({
        category: line.category,
        budgeted: moneyOf(line.budgeted, `budgetLines[${index}].budgeted`),
      }));
      validateBudgetLines(lines, award.currency);
      await this.saveLines(manager, award.id, lines);
      return award;
    });
  }

  /** Records the supervisor of the award a competition entry won (from mentorship's SUPERVISION relationship). */
  /**
   * The supervisor on the award the entry won; when results have not reached funding yet, kept in
   * `pending_supervisor` (the later relationship of two standing) and applied when the award is offered. Both
   * sides take the entry's lock, so neither commits unseen by the other.
   */
  async recordSupervisor(
    manager: EntityManager,
    competitionId: string,
    proposalId: string,
    supervisorId: string,
    startedAt: Date,
  ): Promise<void> {
    await lockCompetitionEntry(manager, competitionId, proposalId);
    const updated = await manager.update(AwardEntity, { competitionId, proposalId }, { supervisorId });
    if ((updated.affected ?? 0) > 0) return;
    await manager.query(
      `INSERT INTO pending_supervisor (competition_id, proposal_id, supervisor_id, started_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (competition_id, proposal_id) DO UPDATE SET supervisor_id = EXCLUDED.supervisor_id,
         started_at = EXCLUDED.started_at WHERE pending_supervisor.started_at <= EXCLUDED.started_at`,
      [competitionId, proposalId, supervisorId, startedAt],
    );
  }

  async get(id: string, principal: Principal): Promise<AwardEntity> {
    const award = await this.dataSource.getRepository(AwardEntity).findOneBy({ id });
    if (!award || !canSeeAward(principal, award)) throw notFound('award');
    return award;
  }

  /** The awards among these the caller may see (the rule of `get`), from one query. */
  async visibleAmong(ids: readonly string[], principal: Principal): Promise<AwardEntity[]> {
    const rows = await this.dataSource.getRepository(AwardEntity).findBy({ id: In([...ids]) });
    return rows.filter((award) => canSeeAward(principal, award));
  }

  /** The awards the caller may see, newest first. */
  list(
    principal: Principal,
    size: number,
    after: string | null,
    status: AwardStatus | null,
  ): Promise<Connection<AwardEntity>> {
    const visible = visibleAwardsClause(principal);
    const query = this.dataSource
      .getRepository(AwardEntity)
      .createQueryBuilder('a')
      .where(visible.sql, visible.params);
    if (status) query.andWhere('a.status = :status', { status });
    return paginate(query, { size, after: after ?? null }, ['createdAt', 'id']);
  }

  transitions(awardIds: readonly string[]): Promise<AwardTransitionEntity[]> {
    return this.dataSource.getRepository(AwardTransitionEntity).find({
      where: { awardId: In([...awardIds]) },
      order: { at: 'ASC' },
    });
  }

  async budgetLines(awardIds: readonly string[]): Promise<Map<string, BudgetLine[]>> {
    return budgetLinesOf(this.dataSource.manager, awardIds);
  }

  money(award: AwardEntity) {
    return money(award.amountMinor, award.currency);
  }
}

/** The institutions of a team as the member replica knows them (leads of these see the award). */
async function institutionsOf(manager: EntityManager, memberIds: readonly string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows: Array<{ institution_id: string }> = await manager.query(
    `SELECT DISTINCT institution_id FROM member_replica WHERE member_id = ANY($1)`,
    [memberIds],
  );
  return rows.map((row) => row.institution_id);
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SpendRecordedV1 } from '@praxis/contracts';
import type { Principal } from '@praxis/platform/auth';
import { paginate, type Connection } from '@praxis/platform/graphql';
import { memberReplica } from '@praxis/platform/member-replica';
import { appendToOutbox } from '@praxis/platform/messaging';
import { AwardEntity, SpendEntryEntity } from '@praxis/funding/data-access';
import {
  budgetView,
  dayInZone,
  decideSpend,
  FundingDomainError,
  FundingErrorCode,
  reversalOf,
  type BudgetView,
  type Money,
  type SpendEntry,
} from '@praxis/funding/domain';
import { canSeeAward, notFound } from '../funding.access';
import { moneyOf } from '../money.graphql';
import {
  awardAmount,
  balanceFromLedgers,
  budgetLinesOf,
  entriesOf,
  fundLedgersOf,
  lockAward,
  lockFund,
  toSpendEntry,
} from './ledger.records';
import type { RecordSpendInput } from './ledger.objects';

/** PostgreSQL's codes for a transaction that lost a race it can simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** The institution a spend event names: the PI's now (replica), else the award's first. */
async function institutionOfAward(manager: EntityManager, award: AwardEntity): Promise<string | null> {
  const pi = await memberReplica(manager).profile(award.principalInvestigatorId);
  return pi?.institutionId ?? award.institutionIds[0] ?? null;
}

/** At most this many spends of one award are decided in one transaction. */
const MAX_SPEND_BATCH = 100;

interface QueuedSpend {
  input: RecordSpendInput;
  amount: Money;
  actorId: string;
  resolve: (entry: SpendEntryEntity) => void;
  reject: (error: unknown) => void;
}

/**
 * The append-only spend ledger. A spend locks the award's fund, then the award (always in that order, so two
 * spends never deadlock), reads the ledger and the fund's balance under those locks, lets the domain decide, and
 * appends the entry and its event in the same transaction. Concurrent spends on one line therefore queue, and
 * the last one to fit leaves the line at exactly its budget.
 *
 * Spends on one award that arrive while one of its transactions is running wait in this process and are then
 * decided together in the next one (group commit): in arrival order, each against the ledger with the spends
 * before it, under the same locks, so a burst costs one lock wait and one commit rather than one each. Across
 * replicas the row locks still order the batches. A refusal is the spend's own; anything else that fails the
 * transaction fails the spends of that batch (after the deadlock and serialisation retries).
 */
@Injectable()
export class LedgerService {
  private readonly waiting = new Map<string, QueuedSpend[]>();

  constructor(private readonly dataSource: DataSource) {}

  async recordSpend(awardId: string, input: RecordSpendInput, actorId: string): Promise<SpendEntryEntity> {
    const amount = moneyOf(input.amount, 'amount');
    return new Promise<SpendEntryEntity>((resolve, reject) => {
      const spend = { input, amount, actorId, resolve, reject };
      const queue = this.waiting.get(awardId);
      // a queue exists while the award's batches run: the spend joins the next one
      if (queue) queue.push(spend);
      else {
        this.waiting.set(awardId, [spend]);
        void this.drain(awardId);
      }
    });
  }

  /** Runs the award's waiting spends batch after batch until none is left. */
  private async drain(awardId: string): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(awardId) ?? [];
      if (queue.length === 0) {
        this.waiting.delete(awardId);
        return;
      }
      const batch = queue.splice(0, MAX_SPEND_BATCH);
      await this.recordBatch(awardId, batch);
    }
  }

  /** Decides and appends a batch in one transaction and settles every spend of it; never throws. */
  private async recordBatch(awardId: string, batch: readonly QueuedSpend[]): Promise<void> {
    let outcomes: Array<SpendEntryEntity | FundingDomainError> = [];
    try {
      await this.withRetry((manager) =>
        this.underLocks(manager, awardId, async (award) => {
          outcomes = [];
          const fund = award.fundId ? await lockFund(manager, award.fundId) : null;
          if (!fund) throw noFund(award);
          // the fund's ledgers include this award's: decisions read them, and each accepted spend joins them
          const ledgers = await fundLedgersOf(manager, [fund]);
          const entries = ledgers.entries.get(award.id) ?? [];
          ledgers.entries.set(award.id, entries);
          const lines = ledgers.lines.get(award.id) ?? [];
          const institutionId = await institutionOfAward(manager, award);
          const today = dayInZone(new Date());
          for (const { input, amount, actorId } of batch) {
            let decision: ReturnType<typeof decideSpend>;
            try {
              decision = decideSpend(
                { id: award.id, status: award.status, amount: awardAmount(award), budgetLines: lines },
                entries,
                balanceFromLedgers(fund, ledgers),
                {
                  budgetLine: input.budgetLine,
                  kind: input.kind,
                  amount,
                  date: input.date,
                  description: input.description,
                  reference: input.reference ?? null,
                  override: input.override ?? null,
                },
                today,
              );
            } catch (error) {
              if (!(error instanceof FundingDomainError)) throw error;
              outcomes.push(error);
              continue;
            }
            const row = await this.append(manager, award, institutionId, decision.entry, {
              description: input.description.trim(),
              actorId,
              overridden: decision.overridden,
            });
            entries.push(toSpendEntry(row));
            outcomes.push(row);
          }
        }),
      );
    } catch (error) {
      for (const spend of batch) spend.reject(error);
      return;
    }
    batch.forEach((spend, index) => {
      const outcome = outcomes[index];
      if (outcome instanceof FundingDomainError) spend.reject(outcome);
      else spend.resolve(outcome);
    });
  }

  async reverseSpend(entryId: string, reason: string, actorId: string): Promise<SpendEntryEntity> {
    const target = await this.dataSource.getRepository(SpendEntryEntity).findOneBy({ id: entryId });
    if (!target) throw notFound('spend entry');
    return this.withRetry((manager) =>
      this.underLocks(manager, target.awardId, async (award, entries) => {
        const original = entries.find((entry) => entry.id === entryId) as SpendEntry;
        const reversal = reversalOf(original, entries, reason, dayInZone(new Date()));
        return this.append(manager, award, await institutionOfAward(manager, award), reversal, {
          description: `Reversal: ${reason.trim()}`,
          actorId,
          overridden: false,
        });
      }),
    );
  }

  /** Locks the fund (if any) then the award, and hands over the award's ledger as it stands under the locks. */
  private async underLocks<T>(
    manager: EntityManager,
    awardId: string,
    work: (award: AwardEntity, entries: SpendEntry[]) => Promise<T>,
  ): Promise<T> {
    const unlocked = await manager.findOneBy(AwardEntity, { id: awardId });
    if (!unlocked) throw notFound('award');
    if (unlocked.fundId) await lockFund(manager, unlocked.fundId);
    const award = await lockAward(manager, awardId);
    if (!award) throw notFound('award');
    const entries = (await entriesOf(manager, [award.id])).get(award.id) ?? [];
    return work(award, entries);
  }

  private async append(
    manager: EntityManager,
    award: AwardEntity,
    institutionId: string | null,
    entry: Omit<SpendEntry, 'id'>,
    { description, actorId, overridden }: { description: string; actorId: string; overridden: boolean },
  ): Promise<SpendEntryEntity> {
    const row = await manager.save(
      manager.create(SpendEntryEntity, {
        awardId: award.id,
        category: entry.budgetLine,
        kind: entry.kind,
        amountMinor: entry.amount.amountMinor,
        currency: entry.amount.currency,
        spentOn: entry.date,
        description,
        reference: entry.reference,
        reversesEntryId: entry.reversesEntryId,
        overrideReason: entry.overrideReason,
        recordedBy: actorId,
      }),
    );
    await appendToOutbox(
      manager,
      SpendRecordedV1,
      award.id,
      {
        entryId: row.id,
        awardId: award.id,
        fundId: award.fundId,
        principalInvestigatorId: award.principalInvestigatorId,
        institutionId,
        category: row.category,
        kind: row.kind,
        amount: { amountMinor: row.amountMinor, currency: row.currency },
        spentOn: row.spentOn,
        reversesEntryId: row.reversesEntryId,
        overridden,
        recordedAt: row.recordedAt.toISOString(),
      },
      { actorId },
    );
    return row;
  }

  /** Row locks make spends queue rather than fail; a deadlock or serialisation failure is simply run again. */
  private async withRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || code === undefined || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  /** The budget view of each of these awards, from one query for their lines and one for their entries. */
  async budgets(awards: readonly AwardEntity[]): Promise<Array<{ awardId: string; view: BudgetView }>> {
    const manager = this.dataSource.manager;
    const ids = awards.map((award) => award.id);
    const [lines, entries] = await Promise.all([budgetLinesOf(manager, ids), entriesOf(manager, ids)]);
    const today = dayInZone(new Date());
    return awards.map((award) => ({
      awardId: award.id,
      view: budgetView(
        lines.get(award.id) ?? [],
        entries.get(award.id) ?? [],
        award.currency,
        { start: award.startsOn, end: award.endsOn },
        today,
      ),
    }));
  }

  async entries(
    award: AwardEntity,
    principal: Principal,
    size: number,
    after: string | null,
  ): Promise<Connection<SpendEntryEntity>> {
    if (!canSeeAward(principal, award)) throw notFound('award');
    const query = this.dataSource
      .getRepository(SpendEntryEntity)
      .createQueryBuilder('s')
      .where('s.award_id = :awardId', { awardId: award.id });
    return paginate(query, { size, after: after ?? null }, ['recordedAt', 'id']);
  }
}

function noFund(award: AwardEntity): FundingDomainError {
  return new FundingDomainError(FundingErrorCode.AWARD_HAS_NO_FUND, 'This award draws on no fund', {
    awardId: award.id,
  });
}

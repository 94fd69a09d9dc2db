import { In, type EntityManager } from 'typeorm';
import { AwardEntity, BudgetLineEntity, FundEntity, SpendEntryEntity } from '@praxis/funding/data-access';
import {
  awardLedgerFigures,
  fundBalance,
  money,
  type AwardClaimInput,
  type BudgetLine,
  type FundBalance,
  type Money,
  type SpendEntry,
} from '@praxis/funding/domain';

export function awardAmount(award: AwardEntity): Money {
  return money(award.amountMinor, award.currency);
}

export function toSpendEntry(row: SpendEntryEntity): SpendEntry {
  return {
    id: row.id,
    budgetLine: row.category,
    kind: row.kind,
    amount: money(row.amountMinor, row.currency),
    date: row.spentOn,
    reference: row.reference,
    reversesEntryId: row.reversesEntryId,
    overrideReason: row.overrideReason,
  };
}

export async function budgetLinesOf(manager: EntityManager, awardIds: readonly string[]) {
  const lines = new Map<string, BudgetLine[]>();
  if (awardIds.length === 0) return lines;
  const rows = await manager.find(BudgetLineEntity, {
    where: { awardId: In([...awardIds]) },
    order: { category: 'ASC' },
  });
  const currencies = new Map(
    (await manager.find(AwardEntity, { where: { id: In([...awardIds]) }, select: ['id', 'currency'] })).map(
      (award) => [award.id, award.currency],
    ),
  );
  for (const row of rows) {
    const list = lines.get(row.awardId) ?? [];
    list.push({
      category: row.category,
      budgeted: money(row.budgetedMinor, currencies.get(row.awardId) ?? 'GBP'),
    });
    lines.set(row.awardId, list);
  }
  return lines;
}

export async function entriesOf(
  manager: EntityManager,
  awardIds: readonly string[],
): Promise<Map<string, SpendEntry[]>> {
  const entries = new Map<string, SpendEntry[]>();
  if (awardIds.length === 0) return entries;
  const rows = await manager.find(SpendEntryEntity, {
    where: { awardId: In([...awardIds]) },
    order: { recordedAt: 'ASC', id: 'ASC' },
  });
  for (const row of rows) {
    const list = entries.get(row.awardId) ?? [];
    list.push(toSpendEntry(row));
    entries.set(row.awardId, list);
  }
  return entries;
}

/**
 * The fund's balance from every award drawing on it and their ledgers. Inside a spend or an offer the caller
 * holds the fund's row lock, so no other transaction can change these figures before it writes.
 */
export async function balanceOfFund(manager: EntityManager, fund: FundEntity): Promise<FundBalance> {
  return (await balancesOfFunds(manager, [fund]))[0];
}

/** What a fund's balance is computed from: the awards drawing on it, their budget lines and their ledgers. */
export interface FundLedgers {
  awards: AwardEntity[];
  lines: Map<string, BudgetLine[]>;
  entries: Map<string, SpendEntry[]>;
}

/** The ledgers behind several funds' balances, in three queries whatever their number. */
export async function fundLedgersOf(
  manager: EntityManager,
  funds: readonly FundEntity[],
): Promise<FundLedgers> {
  const awards = await manager.find(AwardEntity, { where: { fundId: In(funds.map((fund) => fund.id)) } });
  const ids = awards.map((award) => award.id);
  // one after the other: the manager may be a transaction's, whose one connection runs one statement at a time
  const lines = await budgetLinesOf(manager, ids);
  const entries = await entriesOf(manager, ids);
  return { awards, lines, entries };
}

/** A fund's balance from its ledgers as loaded (a spend batch passes them with its own entries added). */
export function balanceFromLedgers(fund: FundEntity, ledgers: FundLedgers): FundBalance {
  const claims: AwardClaimInput[] = ledgers.awards
    .filter((award) => award.fundId === fund.id)
    .map((award) => {
      const figures = awardLedgerFigures(
        ledgers.lines.get(award.id) ?? [],
        ledgers.entries.get(award.id) ?? [],
        award.currency,
      );
      return {
        status: award.status,
        amount: awardAmount(award),
        committed: figures.committed,
        paid: figures.paid,
      };
    });
  return fundBalance(money(fund.totalMinor, fund.currency), claims);
}

/** The balances of several funds (a page of them) in three queries, whatever their number; in `funds` order. */
export async function balancesOfFunds(
  manager: EntityManager,
  funds: readonly FundEntity[],
): Promise<FundBalance[]> {
  if (funds.length === 0) return [];
  const ledgers = await fundLedgersOf(manager, funds);
  return funds.map((fund) => balanceFromLedgers(fund, ledgers));
}

/** Locks the fund's row for the rest of the transaction: offers and spends against one fund queue here. */
export async function lockFund(manager: EntityManager, fundId: string): Promise<FundEntity | null> {
  return manager
    .getRepository(FundEntity)
    .createQueryBuilder('f')
    .setLock('pessimistic_write')
    .where('f.id = :id', { id: fundId })
    .getOne();
}

export async function lockAward(manager: EntityManager, awardId: string): Promise<AwardEntity | null> {
  return manager
    .getRepository(AwardEntity)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :id', { id: awardId })
    .getOne();
}

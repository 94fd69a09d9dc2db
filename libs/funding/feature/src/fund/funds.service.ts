import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AwardEntity, FundEntity } from '@praxis/funding/data-access';
import { FundingDomainError, throwIfInvalid, type FundBalance } from '@praxis/funding/domain';
import { notFound } from '../funding.access';
import { paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { moneyOf } from '../money.graphql';
import { balanceOfFund, balancesOfFunds } from '../ledger/ledger.records';
import type { CreateFundInput } from './fund.objects';

@Injectable()
export class FundsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: CreateFundInput, actorId: string): Promise<FundEntity> {
    const total = moneyOf(input.total, 'total');
    throwIfInvalid(total.amountMinor < 0 ? [{ field: 'total', message: 'must not be negative' }] : []);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const fund = await manager.getRepository(FundEntity).save({
          name: input.name.trim(),
          source: input.source.trim(),
          currency: total.currency,
          totalMinor: total.amountMinor,
          competitionId: input.competitionId ?? null,
          createdBy: actorId,
        });
        await attachWaitingAwards(manager, fund);
        return fund;
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'fund_competition_uq') {
        throw FundingDomainError.invalidInput([
          { field: 'competitionId', message: 'this competition already has a fund' },
        ]);
      }
      throw error;
    }
  }

  async get(id: string): Promise<FundEntity> {
    const fund = await this.dataSource.getRepository(FundEntity).findOneBy({ id });
    if (!fund) throw notFound('fund');
    return fund;
  }

  /** Newest first. */
  list(page: PageRequest): Promise<Connection<FundEntity>> {
    return paginate(this.dataSource.getRepository(FundEntity).createQueryBuilder('f'), page, [
      'createdAt',
      'id',
    ]);
  }

  /** The balances of the funds with these ids (one per fund found), for the request's balance loader. */
  async byIds(ids: readonly string[]): Promise<FundEntity[]> {
    return this.dataSource.getRepository(FundEntity).findBy({ id: In([...ids]) });
  }

  async balances(ids: readonly string[]): Promise<Array<{ fundId: string; balance: FundBalance }>> {
    const funds = await this.dataSource.getRepository(FundEntity).findBy({ id: In([...ids]) });
    const balances = await balancesOfFunds(this.dataSource.manager, funds);
    return funds.map((fund, i) => ({ fundId: fund.id, balance: balances[i] }));
  }
}

/**
 * Awards offered to a competition's winners before the competition had a fund draw on no fund; when its fund is
 * created they are attached, oldest first, while the fund can promise their whole amount (the rest stay
 * unattached, and cannot be activated, until an admin sorts them out).
 */
async function attachWaitingAwards(manager: EntityManager, fund: FundEntity): Promise<void> {
  if (fund.competitionId === null) return;
  const waiting = await manager.find(AwardEntity, {
    where: {
      competitionId: fund.competitionId,
      fundId: IsNull(),
      currency: fund.currency,
      status: In(['OFFERED', 'ACCEPTED']),
    },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  for (const award of waiting) {
    const { available } = await balanceOfFund(manager, fund);
    if (award.amountMinor > available.amountMinor) continue;
    await manager.update(AwardEntity, { id: award.id }, { fundId: fund.id });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FundEntity } from '@praxis/funding/data-access';
import { FundingDomainError, throwIfInvalid, type FundBalance } from '@praxis/funding/domain';
import { notFound } from '../funding.access';
import { moneyOf } from '../money.graphql';
import { balanceOfFund } from '../ledger/ledger.records';
import type { CreateFundInput } from './fund.objects';

@Injectable()
export class FundsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: CreateFundInput, actorId: string): Promise<FundEntity> {
    const total = moneyOf(input.total, 'total');
    throwIfInvalid(total.amountMinor < 0 ? [{ field: 'total', message: 'must not be negative' }] : []);
    try {
      return await this.dataSource.getRepository(FundEntity).save({
        name: input.name.trim(),
        source: input.source.trim(),
        currency: total.currency,
        totalMinor: total.amountMinor,
        competitionId: input.competitionId ?? null,
        createdBy: actorId,
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

  list(): Promise<FundEntity[]> {
    return this.dataSource.getRepository(FundEntity).find({ order: { createdAt: 'DESC' }, take: 100 });
  }

  balance(fund: FundEntity): Promise<FundBalance> {
    return balanceOfFund(this.dataSource.manager, fund);
  }
}

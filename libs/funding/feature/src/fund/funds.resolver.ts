import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { IdArg, toMoneyObject } from '@praxis/platform/graphql';
import type { FundEntity } from '@praxis/funding/data-access';
import { CreateFundInput, FundBalanceObject, FundObject } from './fund.objects';
import { FundsService } from './funds.service';

function toFundObject(fund: FundEntity): Omit<FundObject, 'balance'> {
  return {
    id: fund.id,
    name: fund.name,
    source: fund.source,
    currency: fund.currency,
    competitionId: fund.competitionId,
  };
}

/** Funds are the programme office's: admins only. */
@Roles('admin')
@Resolver(() => FundObject)
export class FundsResolver {
  constructor(private readonly service: FundsService) {}

  @Mutation(() => FundObject, { description: 'A pool of money awards draw on (admins)' })
  async createFund(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateFundInput,
  ): Promise<Omit<FundObject, 'balance'>> {
    return toFundObject(await this.service.create(input, principal.memberId));
  }

  @Query(() => FundObject)
  async fund(@IdArg('id') id: string): Promise<Omit<FundObject, 'balance'>> {
    return toFundObject(await this.service.get(id));
  }

  @Query(() => [FundObject], { description: 'The 100 newest funds' })
  async funds(): Promise<Array<Omit<FundObject, 'balance'>>> {
    return (await this.service.list()).map(toFundObject);
  }

  @ResolveField(() => FundBalanceObject)
  async balance(@Parent() fund: FundObject): Promise<FundBalanceObject> {
    const balance = await this.service.balance(await this.service.get(fund.id));
    return {
      total: toMoneyObject(balance.total),
      committed: toMoneyObject(balance.committed),
      paid: toMoneyObject(balance.paid),
      available: toMoneyObject(balance.available),
    };
  }
}

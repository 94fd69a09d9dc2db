import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import {
  AfterArg,
  FirstArg,
  IdArg,
  isUuid,
  mapNodes,
  requestLoader,
  toMoneyObject,
  type Connection,
} from '@praxis/platform/graphql';
import type { FundEntity } from '@praxis/funding/data-access';
import { CreateFundInput, FundBalanceObject, FundConnection, FundObject } from './fund.objects';
import { notFound } from '../funding.access';
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

  @Query(() => FundConnection, { description: 'Newest first' })
  async funds(
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<Omit<FundObject, 'balance'>>> {
    return mapNodes(await this.service.list({ size: first, after }), toFundObject);
  }

  /**
   * Other subgraphs point at funds (engagement's money per fund), for admins like every fund operation (the
   * dashboard asks for the name only when the caller is one); one query for every fund of the request.
   */
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context('req') request: object,
  ): Promise<Omit<FundObject, 'balance'> | null> {
    if (!isUuid(reference.id)) return null;
    const fund = await requestLoader(
      request,
      'funding.fund',
      (ids) => this.service.byIds(ids),
      (row) => row.id,
    ).load(reference.id);
    return fund ? toFundObject(fund) : null;
  }

  @ResolveField(() => FundBalanceObject)
  async balance(@Parent() fund: FundObject, @Context('req') request: object): Promise<FundBalanceObject> {
    // the balances of every fund of a page in one batch (three queries), not three per fund
    const loaded = await requestLoader(
      request,
      'funding.fundBalance',
      (ids) => this.service.balances(ids),
      (row) => row.fundId,
    ).load(fund.id);
    if (!loaded) throw notFound('fund');
    const { balance } = loaded;
    return {
      total: toMoneyObject(balance.total),
      committed: toMoneyObject(balance.committed),
      paid: toMoneyObject(balance.paid),
      available: toMoneyObject(balance.available),
    };
  }
}

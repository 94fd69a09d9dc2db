import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { IdArg, pageSize, requestLoader, type Connection } from '@praxis/platform/graphql';
import type { AwardStatus } from '@praxis/funding/domain';
import { toAwardObject, toTransitionObject } from './award.mapper';
import {
  AwardConnection,
  AwardDecisionInput,
  AwardObject,
  AwardStatusEnum,
  AwardTransitionObject,
  BudgetLineInput,
  CreateAwardInput,
} from './award.objects';
import { AwardsService } from './awards.service';

/**
 * Awards. Reads are per record (funding.access); the state machine decides who may move an award (the PI accepts
 * or declines, admins do the rest), and everything else an admin does is @Roles('admin').
 */
@Resolver(() => AwardObject)
export class AwardsResolver {
  constructor(private readonly service: AwardsService) {}

  private async object(id: string, principal: Principal): Promise<AwardObject> {
    const award = await this.service.get(id, principal);
    const lines = await this.service.budgetLines([award.id]);
    return toAwardObject(award, lines.get(award.id) ?? [], principal);
  }

  @Query(() => AwardObject, { description: 'An award the caller may see' })
  award(@CurrentPrincipal() principal: Principal, @IdArg('id') id: string): Promise<AwardObject> {
    return this.object(id, principal);
  }

  @Query(() => AwardConnection, {
    description:
      "Awards the caller may see, newest first: admins all; members theirs; supervisors those they supervise; leads their institutions'",
  })
  async awards(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('status', { type: () => AwardStatusEnum, nullable: true }) status: AwardStatus | null,
  ): Promise<Connection<AwardObject>> {
    const page = await this.service.list(principal, pageSize(first), after, status);
    const lines = await this.service.budgetLines(page.edges.map((edge) => edge.node.id));
    return {
      ...page,
      edges: page.edges.map((edge) => ({
        cursor: edge.cursor,
        node: toAwardObject(edge.node, lines.get(edge.node.id) ?? [], principal),
      })),
    };
  }

  @Roles('admin')
  @Mutation(() => AwardObject, { description: 'Offers an award against a fund (admins)' })
  async createAward(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateAwardInput,
  ): Promise<AwardObject> {
    const award = await this.service.create(input, principal.memberId);
    return this.object(award.id, principal);
  }

  @Mutation(() => AwardObject, { description: 'The principal investigator accepts the offer' })
  acceptAward(@CurrentPrincipal() principal: Principal, @IdArg('id') id: string): Promise<AwardObject> {
    return this.move(id, 'ACCEPT', principal, null);
  }

  @Mutation(() => AwardObject, { description: 'The principal investigator declines the offer' })
  declineAward(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('input', { type: () => AwardDecisionInput, nullable: true }) input: AwardDecisionInput | null,
  ): Promise<AwardObject> {
    return this.move(id, 'DECLINE', principal, input?.reason ?? null);
  }

  @Roles('admin')
  @Mutation(() => AwardObject, { description: 'Admins activate an accepted award whose budget lines add up' })
  async activateAward(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('reportEveryMonths', {
      type: () => Int,
      nullable: true,
      description: 'Progress reports every N months (1 to 24, default 6), then a final one after the end',
    })
    reportEveryMonths: number | null,
  ): Promise<AwardObject> {
    await this.service.transition(id, 'ACTIVATE', principal, null, reportEveryMonths ?? undefined);
    return this.object(id, principal);
  }

  @Roles('admin')
  @Mutation(() => AwardObject, { description: 'Admins close an active award once its final report is in' })
  closeAward(@CurrentPrincipal() principal: Principal, @IdArg('id') id: string): Promise<AwardObject> {
    return this.move(id, 'CLOSE', principal, null);
  }

  @Roles('admin')
  @Mutation(() => AwardObject, { description: 'Admins cancel an award that has not closed' })
  cancelAward(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('input', { type: () => AwardDecisionInput, nullable: true }) input: AwardDecisionInput | null,
  ): Promise<AwardObject> {
    return this.move(id, 'CANCEL', principal, input?.reason ?? null);
  }

  @Roles('admin')
  @Mutation(() => AwardObject, { description: 'Admins split an award into budget lines before activation' })
  async setBudgetLines(
    @CurrentPrincipal() principal: Principal,
    @IdArg('awardId') awardId: string,
    @Args('lines', { type: () => [BudgetLineInput] }) lines: BudgetLineInput[],
  ): Promise<AwardObject> {
    await this.service.setBudgetLines(awardId, lines);
    return this.object(awardId, principal);
  }

  private async move(
    id: string,
    action: Parameters<AwardsService['transition']>[1],
    principal: Principal,
    reason: string | null,
  ): Promise<AwardObject> {
    await this.service.transition(id, action, principal, reason);
    return this.object(id, principal);
  }

  @ResolveField(() => [AwardTransitionObject], { description: 'Every status change, oldest first' })
  async transitions(
    @Parent() award: AwardObject,
    @Context('req') request: object,
  ): Promise<AwardTransitionObject[]> {
    const loader = requestLoader(
      request,
      'award-transitions',
      async (ids) => {
        const rows = await this.service.transitions(ids);
        return ids.map((id) => ({ id, rows: rows.filter((row) => row.awardId === id) }));
      },
      (group) => group.id,
    );
    return ((await loader.load(award.id))?.rows ?? []).map(toTransitionObject);
  }
}
